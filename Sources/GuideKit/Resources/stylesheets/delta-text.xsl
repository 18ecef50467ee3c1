<?xml version="1.0" encoding="UTF-8"?>
<!--
  delta-text.xsl: plain text of a delta document (urn:guidekit:delta:1) for a terminal, unified by
  unit (developer-facing: English labels, the documents' text as is).

    guidekit diff: OLD TITLE (4.0) -> NEW TITLE (5.0)
    17 added, 7 removed, 34 modified, 19 moved, 5 renumbered, 10 unchanged

    ~ modified  (1) テレワークの意義と現状 [intro-significance]  第1章 はじめに
    - 旧の行 [-deleted-] …
    + 新の行 {+inserted+} …
      … 1 unchanged

  Unit markers: + added, - removed, ~ modified, > moved, # renumbered, @ citation (a ref's
  provision or pin); ref changes are listed under the unit:
      ref 労働基準法第38条の2 (322AC0000000049): provision Art38_2 -> Art38_3, pin 2025-06-01 -> 2026-04-01
  Parameters:
    color  1: ANSI colours (red deletions, green insertions) instead of [- -] and {+ +}
    lines  changed (default): of a modified unit, only the lines that changed; all: every line
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="d str">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="color" select="'0'"/>
  <xsl:param name="lines" select="'changed'"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="on" select="string($color) = '1' or string($color) = 'true' or string($color) = 'yes'"/>
  <!-- ESC (U+001B) cannot be written in XML 1.0, not even as &#27;: decode it from a URI escape. -->
  <xsl:variable name="esc" select="str:decode-uri('%1B')"/>
  <xsl:variable name="red" select="concat($esc, '[31m')"/>
  <xsl:variable name="green" select="concat($esc, '[32m')"/>
  <!-- (red and green are also written as [3 + 1|2 + m below) -->
  <xsl:variable name="bold" select="concat($esc, '[1m')"/>
  <xsl:variable name="dim" select="concat($esc, '[2m')"/>
  <xsl:variable name="cyan" select="concat($esc, '[36m')"/>
  <xsl:variable name="reset" select="concat($esc, '[0m')"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="d:delta"><xsl:apply-templates select="d:delta"/></xsl:when>
      <xsl:otherwise>delta document (urn:guidekit:delta:1) expected&#10;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:delta">
    <xsl:call-template name="paint">
      <xsl:with-param name="style" select="$bold"/>
      <xsl:with-param name="text">
        <xsl:value-of select="concat('guidekit diff (', @kind, '): ')"/>
        <xsl:apply-templates select="d:old" mode="edition"/>
        <xsl:text> -> </xsl:text>
        <xsl:apply-templates select="d:new" mode="edition"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="d:summary">
      <xsl:value-of select="concat(number(@added), ' added, ', number(@removed), ' removed, ',
                            number(@modified), ' modified, ', number(@moved), ' moved, ',
                            number(@renumbered), ' renumbered, ', number(concat('0', @citation)), ' citation, ',
                            number(@unchanged), ' unchanged', $nl)"/>
    </xsl:for-each>
    <xsl:apply-templates select="d:unit | d:gap"/>
    <xsl:if test="not(d:unit)"><xsl:value-of select="concat($nl, 'no changes', $nl)"/></xsl:if>
  </xsl:template>

  <!-- TITLE (version, issued DATE, effective DATE) -->
  <xsl:template match="d:old[normalize-space(@version) = '']" mode="edition">(none)</xsl:template>
  <xsl:template match="d:old | d:new" mode="edition">
    <xsl:value-of select="normalize-space(d:title)"/>
    <xsl:value-of select="concat(' (', @version)"/>
    <xsl:if test="@issued"><xsl:value-of select="concat(', issued ', @issued)"/></xsl:if>
    <xsl:if test="@effective and string(@effective) != string(@issued)">
      <xsl:value-of select="concat(', effective ', @effective)"/>
    </xsl:if>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="d:gap">
    <xsl:call-template name="paint">
      <xsl:with-param name="style" select="$dim"/>
      <xsl:with-param name="text" select="concat('  … ', @count, ' unchanged')"/>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:unit">
    <xsl:variable name="c" select="string(@change)"/>
    <!-- Strings from select expressions only: a result tree fragment per unit would make the
         text output grow slower and slower (libxslt re-measures the output after each one). -->
    <xsl:variable name="mark"
        select="substring('+-~&gt;#@?', 1 + number($c = 'removed') + 2 * number($c = 'modified') + 3 * number($c = 'moved') + 4 * number($c = 'renumbered') + 5 * number($c = 'citation') + 6 * number(not($c = 'added' or $c = 'removed' or $c = 'modified' or $c = 'moved' or $c = 'renumbered' or $c = 'citation')), 1)"/>
    <xsl:variable name="renum" select="@num and @old-num and @num != @old-num"/>
    <xsl:variable name="num" select="concat(substring(concat(@old-num, ' -> ', @num), 1, number($renum) * 10000), (@num | @old-num)[not($renum)][1])"/>
    <xsl:value-of select="$nl"/>
    <!-- ~ modified  (1) 見出し [id]  第1章 はじめに -->
    <xsl:if test="$on"><xsl:value-of select="$bold"/></xsl:if>
    <xsl:value-of select="concat($mark, ' ', $c, '  ')"/>
    <xsl:if test="$num != ''"><xsl:value-of select="concat($num, ' ')"/></xsl:if>
    <xsl:if test="d:title"><xsl:value-of select="concat(normalize-space(d:title), ' ')"/></xsl:if>
    <xsl:value-of select="concat('[', @id, ']')"/>
    <xsl:if test="$on"><xsl:value-of select="$reset"/></xsl:if>
    <xsl:if test="d:path/d:step">
      <xsl:text>  </xsl:text>
      <xsl:if test="$on"><xsl:value-of select="$cyan"/></xsl:if>
      <xsl:call-template name="path"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
      <xsl:if test="$on"><xsl:value-of select="$reset"/></xsl:if>
    </xsl:if>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="notes"/>
    <xsl:choose>
      <xsl:when test="$c = 'modified'">
        <xsl:variable name="old-lines" select="d:old/d:line[$lines = 'all' or d:del]"/>
        <xsl:variable name="new-lines" select="d:new/d:line[$lines = 'all' or d:ins]"/>
        <xsl:apply-templates select="$old-lines"><xsl:with-param name="sign" select="'-'"/></xsl:apply-templates>
        <xsl:apply-templates select="$new-lines"><xsl:with-param name="sign" select="'+'"/></xsl:apply-templates>
        <xsl:if test="count($old-lines) != count(d:old/d:line) or count($new-lines) != count(d:new/d:line)">
          <xsl:call-template name="paint">
            <xsl:with-param name="style" select="$dim"/>
            <xsl:with-param name="text" select="'  (lines without changes not shown)'"/>
          </xsl:call-template>
          <xsl:value-of select="$nl"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$c = 'added'">
        <xsl:apply-templates select="d:new/d:line"><xsl:with-param name="sign" select="'+'"/><xsl:with-param name="whole" select="true()"/></xsl:apply-templates>
      </xsl:when>
      <xsl:when test="$c = 'removed'">
        <xsl:apply-templates select="d:old/d:line"><xsl:with-param name="sign" select="'-'"/><xsl:with-param name="whole" select="true()"/></xsl:apply-templates>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Indented notes: old place, old id, split / merge, withdrawal, coarse diff. -->
  <xsl:template name="notes">
    <xsl:if test="@old-id and @old-id != @id">
      <xsl:value-of select="concat('  old id: ', @old-id, $nl)"/>
    </xsl:if>
    <xsl:if test="(@moved = 'true' or @change = 'moved') and d:old-path/d:step">
      <xsl:text>  moved from: </xsl:text>
      <xsl:call-template name="path"><xsl:with-param name="steps" select="d:old-path/d:step"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="@split-from"><xsl:value-of select="concat('  split from: ', @split-from, $nl)"/></xsl:if>
    <xsl:if test="@merged-into"><xsl:value-of select="concat('  merged into: ', @merged-into, $nl)"/></xsl:if>
    <xsl:if test="@withdrawn = 'true'">
      <xsl:text>  withdrawn</xsl:text>
      <xsl:for-each select="d:successors/d:successor">
        <xsl:choose>
          <xsl:when test="position() = 1">: </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat(translate(@rel, '-', ' '), ' ', @id)"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="@coarse = 'true'"><xsl:value-of select="concat('  (coarse diff: the comparison hit its budget)', $nl)"/></xsl:if>
    <xsl:for-each select="d:refs/d:ref">
      <xsl:value-of select="concat('  ref ', normalize-space(.), ' (', @source, '): ')"/>
      <xsl:if test="@change != 'changed'"><xsl:value-of select="concat(@change, ', ')"/></xsl:if>
      <xsl:text>provision </xsl:text>
      <xsl:if test="@old-provision"><xsl:value-of select="concat(@old-provision, ' -> ')"/></xsl:if>
      <xsl:value-of select="@provision"/>
      <xsl:if test="@pin or @old-pin">
        <xsl:text>, pin </xsl:text>
        <xsl:if test="@old-pin"><xsl:value-of select="concat(@old-pin, ' -> ')"/></xsl:if>
        <xsl:value-of select="@pin"/>
      </xsl:if>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "- text [-del-] text" / "+ text {+ins+} text"; a whole added or removed line is coloured. -->
  <xsl:template match="d:line">
    <xsl:param name="sign"/>
    <xsl:param name="whole" select="false()"/>
    <xsl:choose>
      <xsl:when test="$on and $whole">
        <xsl:value-of select="concat($esc, '[3', 1 + number($sign = '+'), 'm', $sign, ' ', translate(., '&#10;&#13;', '  '), $reset)"/>
      </xsl:when>
      <xsl:when test="$on">
        <xsl:value-of select="concat($esc, '[3', 1 + number($sign = '+'), 'm', $sign, $reset, ' ')"/>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::d:del"><xsl:value-of select="concat($red, translate(., '&#10;&#13;', '  '), $reset)"/></xsl:when>
            <xsl:when test="self::d:ins"><xsl:value-of select="concat($green, translate(., '&#10;&#13;', '  '), $reset)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="translate(., '&#10;&#13;', '  ')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($sign, ' ')"/>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::d:del"><xsl:value-of select="concat('[-', translate(., '&#10;&#13;', '  '), '-]')"/></xsl:when>
            <xsl:when test="self::d:ins"><xsl:value-of select="concat('{+', translate(., '&#10;&#13;', '  '), '+}')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="translate(., '&#10;&#13;', '  ')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="path">
    <xsl:param name="steps"/>
    <xsl:for-each select="$steps">
      <xsl:if test="position() &gt; 1"> &gt; </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- $text in $style when colours are on. -->
  <xsl:template name="paint">
    <xsl:param name="style"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$on"><xsl:value-of select="concat($style, $text, $reset)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
