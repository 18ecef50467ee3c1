<?xml version="1.0" encoding="UTF-8"?>
<!--
  xref.xsl: the text of a cross-reference (<xref target="ID"/>) in a guideline edition, made from
  the target's current number as Swift's CrossReferences does: a number that stands alone (2-1,
  4, 第2章) as it is, one read after its parent's ((3), ア) after the nearest numbered chapter's
  or section's — 2-1(3), 4(3)ア; a unit without a number is named by its title. A target not in the edition gives 〔参照先不明：ID〕.
  Included by guideline-html.xsl and guideline-text.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:guidekit:guideline:1"
    exclude-result-prefixes="g">

  <xsl:key name="gk-xref-target" match="g:chapter | g:section | g:clause | g:appendix | g:table | g:figure" use="@id"/>

  <!-- The label of the target of the current <xref>. -->
  <xsl:template name="xref-label">
    <xsl:variable name="target" select="key('gk-xref-target', string(@target))[1]"/>
    <xsl:choose>
      <xsl:when test="not($target)">
        <xsl:text>〔</xsl:text>
        <xsl:call-template name="term"><xsl:with-param name="id" select="'xref.missing'"/></xsl:call-template>
        <xsl:value-of select="concat('：', @target, '〕')"/>
      </xsl:when>
      <xsl:when test="string($target/@num) != ''">
        <xsl:call-template name="xref-num"><xsl:with-param name="unit" select="$target"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="normalize-space($target/g:title | $target/g:caption) != ''">
        <xsl:value-of select="normalize-space($target/g:title | $target/g:caption)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The full number of a numbered unit: a number that stands alone (starting with a digit or 第)
    as it is, one read after its parent's ((3), ア) after the full number of the nearest numbered
    chapter or section.
  -->
  <xsl:template name="xref-num">
    <xsl:param name="unit"/>
    <xsl:variable name="num" select="string($unit/@num)"/>
    <xsl:if test="not($unit/self::g:table or $unit/self::g:figure) and not(contains('0123456789０１２３４５６７８９第', substring($num, 1, 1)))">
      <xsl:variable name="parent" select="$unit/ancestor::*[self::g:section or self::g:chapter or self::g:appendix][string(@num) != ''][1]"/>
      <xsl:if test="$parent">
        <xsl:call-template name="xref-num"><xsl:with-param name="unit" select="$parent"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:value-of select="$num"/>
  </xsl:template>

  <!-- The target's title, for a link's tooltip ('' when none). -->
  <xsl:template name="xref-title">
    <xsl:value-of select="normalize-space(key('gk-xref-target', string(@target))[1]/g:title)"/>
  </xsl:template>

  <xsl:template match="g:xref" mode="gk-flat">
    <xsl:call-template name="xref-label"/>
  </xsl:template>

</xsl:stylesheet>
