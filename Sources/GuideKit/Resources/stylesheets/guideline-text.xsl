<?xml version="1.0" encoding="UTF-8"?>
<!--
  One guideline edition → a text-layout document (urn:guidekit:text:1) that Swift lays out
  (line width, East Asian Width, kinsoku). This stylesheet gives only the structure:

    <text>
      <block indent="N" hanging="LABEL" align="leading|center|trailing">one paragraph</block>
      <blank/>   an extra blank line (blocks are already separated by Swift's block spacing)
    </text>

  Swift separates blocks by no blank line: <blank/> marks every blank line (before headings and
  clauses; paragraphs within a clause follow each other, marked by their 字下げ).
  Every block carries all three attributes. indent = columns before the first line; hanging =
  label printed on the first line followed by one space, later lines indented past it.
  A clause's level and audience follow its title: 【title】（基本／対象：経営者）. A block's
  text is one paragraph on one line (no newline); the source's line breaks are joined.

  Indentation: each structure level indents 2 columns (one full-width character). A clause is a
  block hanging on its num, with 【title】 and its first paragraph; its further paragraphs, lists
  and notes are indented by the clause's indent + the label's width + 1.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:guidekit:guideline:1"
    xmlns="urn:guidekit:text:1"
    exclude-result-prefixes="g">

  <xsl:include href="page-common.xsl"/>
  <xsl:include href="xref.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Width of East Asian Width "A" characters (①, ○, ※ …) in hanging labels: 1 or 2. -->
  <xsl:param name="ambiguous-width" select="1"/>
  <!-- First-line indent (字下げ) of ordinary paragraphs; '' for none. -->
  <xsl:param name="para-indent" select="'　'"/>
  <!-- 'no' leaves out the table of contents (chapters and sections). -->
  <xsl:param name="toc" select="'yes'"/>

  <xsl:variable name="g" select="/g:guideline"/>

  <xsl:template match="/">
    <xsl:if test="not($g)">
      <xsl:message terminate="yes">guideline-text: the root element is not a guideline (urn:guidekit:guideline:1)</xsl:message>
    </xsl:if>
    <text>
      <xsl:apply-templates select="$g"/>
    </text>
  </xsl:template>

  <xsl:template match="g:guideline">
    <xsl:if test="@status = 'draft'">
      <block indent="0" hanging="" align="center"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template></block>
      <blank/>
    </xsl:if>
    <!-- metadata -->
    <xsl:call-template name="meta-line">
      <xsl:with-param name="label" select="'発行者'"/>
      <xsl:with-param name="value" select="normalize-space(g:issuer)"/>
    </xsl:call-template>
    <xsl:call-template name="meta-line">
      <xsl:with-param name="label" select="'版番号'"/>
      <xsl:with-param name="value">
        <xsl:value-of select="@version"/>
        <xsl:if test="@supersedes"><xsl:value-of select="concat('（', @supersedes, 'を改定）')"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="meta-line">
      <xsl:with-param name="label"><xsl:call-template name="term"><xsl:with-param name="id" select="'date.issued'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="value">
        <xsl:call-template name="date-both"><xsl:with-param name="date" select="string(@issued)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="@planned">
      <xsl:call-template name="meta-line">
        <xsl:with-param name="label"><xsl:call-template name="term"><xsl:with-param name="id" select="'date.planned'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="value">
          <xsl:call-template name="date-both"><xsl:with-param name="date" select="string(@planned)"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@effective">
      <xsl:call-template name="meta-line">
        <xsl:with-param name="label"><xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="value">
          <xsl:call-template name="date-both"><xsl:with-param name="date" select="string(@effective)"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <blank/>
    <block indent="0" hanging="" align="center"><xsl:call-template name="flat"><xsl:with-param name="node" select="g:title"/></xsl:call-template></block>
    <blank/>

    <xsl:if test="$toc = 'yes'">
      <block indent="0" hanging="" align="leading">目次</block>
      <xsl:if test="g:summary">
        <block indent="2" hanging="" align="leading">
          <xsl:choose><xsl:when test="@supersedes">改定の概要</xsl:when><xsl:otherwise>概要</xsl:otherwise></xsl:choose>
        </block>
      </xsl:if>
      <xsl:apply-templates select="g:chapter | g:appendix" mode="toc"/>
      <blank/>
    </xsl:if>

    <xsl:if test="g:summary">
      <block indent="0" hanging="" align="leading">
        <xsl:choose><xsl:when test="@supersedes">改定の概要</xsl:when><xsl:otherwise>概要</xsl:otherwise></xsl:choose>
      </block>
      <xsl:apply-templates select="g:summary/*" mode="block">
        <xsl:with-param name="indent" select="2"/>
      </xsl:apply-templates>
    </xsl:if>

    <xsl:apply-templates select="g:chapter | g:appendix"/>

    <xsl:if test="//g:fn">
      <blank/>
      <blank/>
      <block indent="0" hanging="" align="leading"><xsl:call-template name="term"><xsl:with-param name="id" select="'fn.heading'"/></xsl:call-template></block>
      <xsl:for-each select="//g:fn">
        <xsl:variable name="t"><xsl:apply-templates mode="gk-flat"/></xsl:variable>
        <block indent="2" align="leading">
          <xsl:attribute name="hanging"><xsl:call-template name="fn-mark"/></xsl:attribute>
          <xsl:value-of select="normalize-space($t)"/>
        </block>
      </xsl:for-each>
    </xsl:if>

    <xsl:if test="g:contact">
      <blank/>
      <blank/>
      <xsl:call-template name="meta-line">
        <xsl:with-param name="label" select="'問い合わせ先'"/>
        <xsl:with-param name="value"><xsl:call-template name="flat"><xsl:with-param name="node" select="g:contact"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="meta-line">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <block indent="0" hanging="{$label}" align="leading"><xsl:value-of select="normalize-space($value)"/></block>
  </xsl:template>

  <!-- A node's text on one line (refs as their labels). -->
  <xsl:template name="flat">
    <xsl:param name="node" select="."/>
    <xsl:variable name="t"><xsl:apply-templates select="$node" mode="gk-flat"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>

  <!-- "第2章　title", "2-1　title", or the title alone. -->
  <xsl:template name="heading-text">
    <xsl:if test="@num"><xsl:value-of select="@num"/></xsl:if>
    <xsl:if test="@num and g:title"><xsl:text>　</xsl:text></xsl:if>
    <xsl:call-template name="flat"><xsl:with-param name="node" select="g:title"/></xsl:call-template>
  </xsl:template>

  <!-- ===== table of contents ===== -->

  <xsl:template match="g:chapter | g:section | g:appendix" mode="toc">
    <block indent="{2 * count(ancestor-or-self::g:chapter | ancestor-or-self::g:section)}" hanging="" align="leading">
      <xsl:call-template name="heading-text"/>
    </block>
    <xsl:apply-templates select="g:section" mode="toc"/>
  </xsl:template>

  <!-- ===== structure ===== -->

  <!-- Levels: a chapter 0, its children 1, … ; a level's indent is 2 × level. -->
  <xsl:template match="g:chapter | g:section | g:appendix">
    <xsl:variable name="level" select="count(ancestor::g:chapter | ancestor::g:section)"/>
    <blank/>
    <xsl:if test="self::g:chapter or self::g:appendix"><blank/></xsl:if>
    <block indent="{2 * $level}" hanging="" align="leading"><xsl:call-template name="heading-text"/></block>
    <xsl:apply-templates select="g:p | g:list | g:note | g:table | g:figure" mode="block">
      <xsl:with-param name="indent" select="2 * ($level + 1)"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="g:section | g:clause"/>
  </xsl:template>

  <xsl:template match="g:clause">
    <xsl:variable name="indent" select="2 * count(ancestor::g:chapter | ancestor::g:section | ancestor::g:appendix)"/>
    <xsl:variable name="label" select="normalize-space(@num)"/>
    <xsl:variable name="label-cols">
      <xsl:choose>
        <xsl:when test="$label = ''">0</xsl:when>
        <xsl:otherwise>
          <xsl:variable name="c">
            <xsl:call-template name="columns">
              <xsl:with-param name="s" select="$label"/>
              <xsl:with-param name="ambiguous" select="$ambiguous-width"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="$c + 1"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="first" select="(g:p | g:list | g:note)[1]"/>
    <xsl:variable name="lead" select="$first[self::g:p]"/>
    <blank/>
    <block indent="{$indent}" hanging="{$label}" align="leading">
      <xsl:variable name="t">
        <xsl:if test="g:title">
          <xsl:text>【</xsl:text>
          <xsl:call-template name="flat"><xsl:with-param name="node" select="g:title"/></xsl:call-template>
          <xsl:text>】</xsl:text>
        </xsl:if>
        <xsl:if test="@level or normalize-space(@audience) != ''">
          <xsl:text>（</xsl:text>
          <xsl:if test="@level">
            <xsl:call-template name="level-label"><xsl:with-param name="level" select="@level"/></xsl:call-template>
            <xsl:if test="normalize-space(@audience) != ''"><xsl:text>／</xsl:text></xsl:if>
          </xsl:if>
          <xsl:if test="normalize-space(@audience) != ''">
            <xsl:text>対象：</xsl:text>
            <xsl:call-template name="audience-list"><xsl:with-param name="list" select="concat(normalize-space(@audience), ' ')"/></xsl:call-template>
          </xsl:if>
          <xsl:text>）</xsl:text>
        </xsl:if>
        <xsl:if test="$lead">
          <xsl:call-template name="flat"><xsl:with-param name="node" select="$lead"/></xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:value-of select="normalize-space($t)"/>
    </block>
    <xsl:apply-templates select="(g:p | g:list | g:note | g:table | g:figure)[not(count(. | $lead) = count($lead))]" mode="block">
      <xsl:with-param name="indent" select="$indent + $label-cols"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- "admin worker " → システム・セキュリティ管理者、勤務者 -->
  <xsl:template name="audience-list">
    <xsl:param name="list"/>
    <xsl:param name="first" select="true()"/>
    <xsl:if test="contains($list, ' ')">
      <xsl:if test="not($first)">、</xsl:if>
      <xsl:call-template name="audience-label"><xsl:with-param name="a" select="substring-before($list, ' ')"/></xsl:call-template>
      <xsl:call-template name="audience-list">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== blocks ===== -->

  <xsl:template match="g:p" mode="block">
    <xsl:param name="indent" select="0"/>
    <block indent="{$indent}" hanging="" align="leading">
      <xsl:value-of select="$para-indent"/>
      <xsl:call-template name="flat"/>
    </block>
  </xsl:template>

  <xsl:template match="g:list" mode="block">
    <xsl:param name="indent" select="0"/>
    <xsl:variable name="ordered" select="@type = 'ordered'"/>
    <xsl:for-each select="g:item">
      <block indent="{$indent}" align="leading">
        <xsl:attribute name="hanging">
          <xsl:choose>
            <xsl:when test="normalize-space(@num) != ''"><xsl:value-of select="normalize-space(@num)"/></xsl:when>
            <xsl:when test="$ordered"><xsl:value-of select="concat('(', position(), ')')"/></xsl:when>
            <xsl:otherwise>・</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="flat"/>
      </block>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:note" mode="block">
    <xsl:param name="indent" select="0"/>
    <block indent="{$indent}" hanging="注" align="leading"><xsl:call-template name="flat"/></block>
  </xsl:template>

  <xsl:template match="*" mode="block"/>

  <!-- A figure: ［図 num caption］ and its alt text. -->
  <xsl:template match="g:figure" mode="block">
    <xsl:param name="indent" select="0"/>
    <block indent="{$indent}" hanging="" align="leading">
      <xsl:text>［</xsl:text>
      <xsl:choose>
        <xsl:when test="@num"><xsl:value-of select="@num"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'figure.label'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:text>　</xsl:text>
      <xsl:call-template name="flat"><xsl:with-param name="node" select="g:caption"/></xsl:call-template>
      <xsl:text>］</xsl:text>
      <xsl:value-of select="normalize-space(@alt)"/>
    </block>
  </xsl:template>

  <!-- A table: Swift lays it out in columns, or as a list per row when the width cannot hold it. -->
  <xsl:template match="g:table" mode="block">
    <xsl:param name="indent" select="0"/>
    <table indent="{$indent}">
      <caption>
        <xsl:if test="@num"><xsl:value-of select="concat(@num, '　')"/></xsl:if>
        <xsl:call-template name="flat"><xsl:with-param name="node" select="g:caption"/></xsl:call-template>
      </caption>
      <xsl:for-each select="g:thead/g:row | g:tbody/g:row">
        <row>
          <xsl:attribute name="head"><xsl:choose><xsl:when test="parent::g:thead">yes</xsl:when><xsl:otherwise>no</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:for-each select="g:cell">
            <cell rowspan="{concat(substring('1', 1, number(not(@rowspan))), @rowspan)}" colspan="{concat(substring('1', 1, number(not(@colspan))), @colspan)}">
              <xsl:choose>
                <xsl:when test="g:p | g:list">
                  <xsl:for-each select="g:p | g:list/g:item">
                    <xsl:if test="position() &gt; 1"><xsl:text>　</xsl:text></xsl:if>
                    <xsl:if test="self::g:item"><xsl:text>・</xsl:text></xsl:if>
                    <xsl:call-template name="flat"/>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="flat"/></xsl:otherwise>
              </xsl:choose>
            </cell>
          </xsl:for-each>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- A footnote: its mark in the text (（注1）), the note itself among the end notes. -->
  <xsl:template match="g:fn" mode="gk-flat">
    <xsl:text>（</xsl:text><xsl:call-template name="fn-mark"/><xsl:text>）</xsl:text>
  </xsl:template>

  <!-- 注N: the current footnote's number through the edition. -->
  <xsl:template name="fn-mark">
    <xsl:call-template name="term"><xsl:with-param name="id" select="'fn.label'"/></xsl:call-template>
    <xsl:number level="any" count="g:fn"/>
  </xsl:template>

</xsl:stylesheet>
