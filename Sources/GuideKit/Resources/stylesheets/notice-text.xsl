<?xml version="1.0" encoding="UTF-8"?>
<!--
  A notice document (urn:guidekit:notice:1) → a text-layout document (urn:guidekit:text:1),
  laid out by Swift (see guideline-text.xsl for the format):

    <text>
      <block indent="N" hanging="LABEL" align="leading|center|trailing">one paragraph</block>
      <blank/>
    </text>

  The date and the issuer stand at the right (align="trailing"), the title is centred, the
  sections are numbered with full-width digits (１　概要), their paragraphs indented 2 columns
  with a 字下げ; list items hang on 「・」; links are 「text: href」 lines.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:n="urn:guidekit:notice:1"
    xmlns="urn:guidekit:text:1"
    exclude-result-prefixes="n">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Appended to the quoted title: 「「…」の公表」. -->
  <xsl:param name="title-suffix" select="'の公表'"/>
  <!-- Prefix of relative link hrefs (e.g. https://example.go.jp/guidelines/telework-security/). -->
  <xsl:param name="base-url" select="''"/>
  <!-- First-line indent (字下げ) of paragraphs; '' for none. -->
  <xsl:param name="para-indent" select="'　'"/>

  <xsl:variable name="n" select="/n:notice"/>
  <xsl:variable name="has-changes" select="boolean($n/n:changes)"/>
  <xsl:variable name="has-links" select="boolean($n/n:links/n:link)"/>
  <xsl:variable name="has-effective" select="boolean($n/n:effective/@iso)"/>
  <xsl:variable name="no-changes" select="1 + number($has-changes)"/>
  <xsl:variable name="no-links" select="$no-changes + number($has-links)"/>
  <xsl:variable name="no-effective" select="$no-links + number($has-effective)"/>
  <xsl:variable name="no-contact" select="$no-effective + 1"/>

  <xsl:template match="/">
    <xsl:if test="not($n)">
      <xsl:message terminate="yes">notice-text: the root element is not a notice (urn:guidekit:notice:1)</xsl:message>
    </xsl:if>
    <text>
      <xsl:apply-templates select="$n"/>
    </text>
  </xsl:template>

  <xsl:template match="n:notice">
    <xsl:if test="@status = 'draft'">
      <block indent="0" hanging="" align="center"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template></block>
      <blank/>
    </xsl:if>
    <block indent="0" hanging="" align="trailing">
      <xsl:call-template name="date-both">
        <xsl:with-param name="date" select="string(n:date/@iso)"/>
        <xsl:with-param name="wareki" select="string(n:date/@wareki)"/>
      </xsl:call-template>
    </block>
    <block indent="0" hanging="" align="trailing"><xsl:value-of select="normalize-space(n:issuer)"/></block>
    <blank/>
    <block indent="0" hanging="" align="center">
      <xsl:value-of select="concat('「', normalize-space(n:title), '」', $title-suffix)"/>
    </block>
    <blank/>

    <xsl:call-template name="heading"><xsl:with-param name="no" select="1"/><xsl:with-param name="text" select="'概要'"/></xsl:call-template>
    <block indent="2" hanging="" align="leading">
      <xsl:value-of select="$para-indent"/>
      <xsl:call-template name="lead"/>
    </block>
    <xsl:apply-templates select="n:summary/*" mode="block"/>

    <xsl:if test="$has-changes">
      <blank/>
      <xsl:call-template name="heading"><xsl:with-param name="no" select="$no-changes"/><xsl:with-param name="text" select="'主な改定内容'"/></xsl:call-template>
      <xsl:apply-templates select="n:changes"/>
    </xsl:if>

    <xsl:if test="$has-links">
      <blank/>
      <xsl:call-template name="heading"><xsl:with-param name="no" select="$no-links"/><xsl:with-param name="text" select="'公表資料'"/></xsl:call-template>
      <xsl:for-each select="n:links/n:link">
        <block indent="2" hanging="・" align="leading">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="absolute-href">
            <xsl:with-param name="href" select="@href"/>
            <xsl:with-param name="base" select="$base-url"/>
          </xsl:call-template>
        </block>
      </xsl:for-each>
    </xsl:if>

    <xsl:if test="$has-effective">
      <blank/>
      <xsl:call-template name="heading"><xsl:with-param name="no" select="$no-effective"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <block indent="2" hanging="" align="leading">
        <xsl:value-of select="$para-indent"/>
        <xsl:call-template name="date-both">
          <xsl:with-param name="date" select="string(n:effective/@iso)"/>
          <xsl:with-param name="wareki" select="string(n:effective/@wareki)"/>
        </xsl:call-template>
        <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.effective-from'"/></xsl:call-template>
      </block>
    </xsl:if>

    <blank/>
    <xsl:call-template name="heading"><xsl:with-param name="no" select="$no-contact"/><xsl:with-param name="text" select="'問い合わせ先'"/></xsl:call-template>
    <block indent="2" hanging="" align="leading">
      <xsl:choose>
        <xsl:when test="normalize-space(n:contact) != ''"><xsl:call-template name="flat"><xsl:with-param name="node" select="n:contact"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(n:issuer)"/></xsl:otherwise>
      </xsl:choose>
    </block>
  </xsl:template>

  <!-- 「１　概要」 -->
  <xsl:template name="heading">
    <xsl:param name="no"/>
    <xsl:param name="text"/>
    <block indent="0" hanging="" align="leading">
      <xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no"/></xsl:call-template>
      <xsl:value-of select="concat('　', $text)"/>
    </block>
  </xsl:template>

  <xsl:template name="flat">
    <xsl:param name="node" select="."/>
    <xsl:variable name="t"><xsl:apply-templates select="$node" mode="gk-flat"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>

  <xsl:template name="lead">
    <xsl:value-of select="normalize-space($n/n:issuer)"/>
    <xsl:text>は、</xsl:text>
    <xsl:choose>
      <xsl:when test="$n/n:previous">
        <xsl:call-template name="date-both">
          <xsl:with-param name="date" select="string($n/n:previous/@iso)"/>
          <xsl:with-param name="wareki" select="string($n/n:previous/@wareki)"/>
        </xsl:call-template>
        <xsl:text>に公表した「</xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space($n/n:previous/n:title) != ''"><xsl:value-of select="normalize-space($n/n:previous/n:title)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(normalize-space($n/n:title), '（', $n/n:previous/@version, '）')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>」を改定し、「</xsl:text>
        <xsl:value-of select="normalize-space($n/n:title)"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.revised'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>「</xsl:text>
        <xsl:value-of select="normalize-space($n/n:title)"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.established'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Counts on one line, then one item per main change: 【改正】path ＞ (2)title. -->
  <xsl:template match="n:changes">
    <block indent="2" hanging="" align="leading">
      <xsl:value-of select="$para-indent"/>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'added'"/><xsl:with-param name="value" select="@added"/></xsl:call-template>
      <xsl:text>、</xsl:text>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'modified'"/><xsl:with-param name="value" select="@modified"/></xsl:call-template>
      <xsl:text>、</xsl:text>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'removed'"/><xsl:with-param name="value" select="@removed"/></xsl:call-template>
      <xsl:text>、</xsl:text>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'moved'"/><xsl:with-param name="value" select="@moved"/></xsl:call-template>
      <xsl:text>、</xsl:text>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'renumbered'"/><xsl:with-param name="value" select="@renumbered"/></xsl:call-template>
      <xsl:if test="number(@citation) &gt; 0">
        <xsl:text>、</xsl:text>
        <xsl:call-template name="count"><xsl:with-param name="kind" select="'citation'"/><xsl:with-param name="value" select="@citation"/></xsl:call-template>
      </xsl:if>
    </block>
    <xsl:if test="n:change">
      <block indent="2" hanging="" align="leading"><xsl:value-of select="$para-indent"/><xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.main-changes'"/></xsl:call-template></block>
      <xsl:for-each select="n:change">
        <block indent="2" hanging="・" align="leading">
          <xsl:text>【</xsl:text>
          <xsl:call-template name="kind-label"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
          <xsl:text>】</xsl:text>
          <xsl:if test="normalize-space(@path) != ''">
            <xsl:call-template name="path-display"><xsl:with-param name="path" select="@path"/></xsl:call-template>
            <xsl:text> ＞ </xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space(@num) != ''"><xsl:value-of select="concat(normalize-space(@num), ' ')"/></xsl:if>
          <xsl:choose>
            <xsl:when test="normalize-space(@title) != ''"><xsl:value-of select="normalize-space(@title)"/></xsl:when>
            <xsl:when test="not(@num)"><xsl:value-of select="@id"/></xsl:when>
          </xsl:choose>
        </block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="count">
    <xsl:param name="kind"/>
    <xsl:param name="value"/>
    <xsl:call-template name="kind-label"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="string($value) != ''"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
    <xsl:text>項目</xsl:text>
  </xsl:template>

  <!-- Summary blocks (p, list/item, note; any namespace). -->
  <xsl:template match="*[local-name() = 'list']" mode="block">
    <xsl:for-each select="*[local-name() = 'item']">
      <block indent="2" hanging="・" align="leading"><xsl:call-template name="flat"/></block>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="*[local-name() = 'note']" mode="block">
    <block indent="2" hanging="注" align="leading"><xsl:call-template name="flat"/></block>
  </xsl:template>
  <!-- A paragraph; one that Swift flattened from a list item or note ("・　…") hangs on its label. -->
  <xsl:template match="*" mode="block">
    <xsl:variable name="text"><xsl:call-template name="flat"/></xsl:variable>
    <xsl:variable name="label">
      <xsl:if test="not(*)"><xsl:call-template name="item-label"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$label != ''">
        <block indent="2" hanging="{$label}" align="leading">
          <xsl:call-template name="item-rest">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="label" select="$label"/>
          </xsl:call-template>
        </block>
      </xsl:when>
      <xsl:otherwise>
        <block indent="2" hanging="" align="leading">
          <xsl:value-of select="concat($para-indent, $text)"/>
        </block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
