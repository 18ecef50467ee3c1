<?xml version="1.0" encoding="UTF-8"?>
<!--
  notice-docx.xsl: a notice document (urn:guidekit:notice:1) as a Word document (公表のお知らせ),
  in the Flat OPC form that GuideKitWord's DocxWriter packages as .docx (see docx-common.xsl).

  Laid out as notice-html.xsl: the date (和暦 and 西暦) and the issuer at the top right, the title
  「「…」の公表」, then the numbered sections 概要, 主な改定内容 (counts and a table of the main
  changes), 公表資料, 適用日 and 問い合わせ先 (in a box).

  Parameters:
    title-suffix  appended to the quoted title (default の公表)
    base-url      makes the links of 公表資料 absolute (as notice-text.xsl)
    and those of docx-common.xsl (fonts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:n="urn:guidekit:notice:1"
    xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:gkw="urn:guidekit:word:1"
    exclude-result-prefixes="n">

  <xsl:include href="page-common.xsl"/>
  <xsl:include href="docx-common.xsl"/>

  <xsl:param name="title-suffix" select="'の公表'"/>
  <xsl:param name="base-url" select="''"/>

  <xsl:variable name="n" select="/n:notice"/>
  <xsl:variable name="has-changes" select="boolean($n/n:changes)"/>
  <xsl:variable name="has-links" select="boolean($n/n:links/n:link)"/>
  <xsl:variable name="has-effective" select="boolean($n/n:effective/@iso)"/>
  <xsl:variable name="no-changes" select="1 + number($has-changes)"/>
  <xsl:variable name="no-links" select="$no-changes + number($has-links)"/>
  <xsl:variable name="no-effective" select="$no-links + number($has-effective)"/>
  <xsl:variable name="no-contact" select="$no-effective + 1"/>
  <xsl:variable name="text-width" select="9638"/>

  <xsl:template match="/">
    <xsl:if test="not($n)">
      <xsl:message terminate="yes">notice-docx: the root element is not a notice (urn:guidekit:notice:1)</xsl:message>
    </xsl:if>
    <xsl:call-template name="docx-package">
      <xsl:with-param name="title"><xsl:call-template name="notice-title"/></xsl:with-param>
      <xsl:with-param name="creator" select="normalize-space($n/n:issuer)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="docx-footnotes"/>
  <xsl:template name="docx-extra-styles"/>

  <xsl:template name="notice-title">
    <xsl:value-of select="concat('「', normalize-space($n/n:title), '」', $title-suffix)"/>
  </xsl:template>

  <xsl:template name="section-heading">
    <xsl:param name="no"/>
    <xsl:param name="text"/>
    <xsl:call-template name="docx-para">
      <xsl:with-param name="style" select="'Subheading'"/>
      <xsl:with-param name="text">
        <xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no"/></xsl:call-template>
        <xsl:value-of select="concat('　', $text)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="docx-body">
    <xsl:for-each select="$n">
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'Right'"/>
        <xsl:with-param name="text">
          <xsl:call-template name="date-both">
            <xsl:with-param name="date" select="string(n:date/@iso)"/>
            <xsl:with-param name="wareki" select="string(n:date/@wareki)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'Right'"/>
        <xsl:with-param name="text" select="normalize-space(n:issuer)"/>
      </xsl:call-template>
      <w:p>
        <w:pPr><w:pStyle w:val="Title"/><w:spacing w:before="480" w:after="480"/></w:pPr>
        <xsl:if test="@status = 'draft'">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="docx-run"><xsl:with-param name="text"><xsl:call-template name="notice-title"/></xsl:with-param></xsl:call-template>
      </w:p>
      <xsl:if test="@status = 'draft'">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Meta'"/>
          <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>

      <xsl:call-template name="section-heading"><xsl:with-param name="no" select="1"/><xsl:with-param name="text" select="'概要'"/></xsl:call-template>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'BodyText'"/>
        <xsl:with-param name="text"><xsl:call-template name="lead"/></xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="n:summary/*" mode="summary"/>

      <xsl:if test="$has-changes">
        <xsl:call-template name="section-heading"><xsl:with-param name="no" select="$no-changes"/><xsl:with-param name="text" select="'主な改定内容'"/></xsl:call-template>
        <xsl:apply-templates select="n:changes"/>
      </xsl:if>

      <xsl:if test="$has-links">
        <xsl:call-template name="section-heading"><xsl:with-param name="no" select="$no-links"/><xsl:with-param name="text" select="'公表資料'"/></xsl:call-template>
        <xsl:for-each select="n:links/n:link">
          <xsl:variable name="href">
            <xsl:call-template name="absolute-href">
              <xsl:with-param name="href" select="@href"/>
              <xsl:with-param name="base" select="$base-url"/>
            </xsl:call-template>
          </xsl:variable>
          <w:p>
            <w:pPr><w:pStyle w:val="ListLabeled"/></w:pPr>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'・　'"/></xsl:call-template>
            <xsl:call-template name="docx-run">
              <xsl:with-param name="text">
                <xsl:value-of select="normalize-space(.)"/>
                <xsl:choose>
                  <xsl:when test="@rel = 'text'">（テキスト形式）</xsl:when>
                  <xsl:otherwise>（HTML形式）</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="concat('　', $href)"/><xsl:with-param name="style" select="'Citation'"/></xsl:call-template>
          </w:p>
        </xsl:for-each>
      </xsl:if>

      <xsl:if test="$has-effective">
        <xsl:call-template name="section-heading">
          <xsl:with-param name="no" select="$no-effective"/>
          <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'BodyText'"/>
          <xsl:with-param name="text">
            <xsl:call-template name="date-both">
              <xsl:with-param name="date" select="string(n:effective/@iso)"/>
              <xsl:with-param name="wareki" select="string(n:effective/@wareki)"/>
            </xsl:call-template>
            <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.effective-from'"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>

      <xsl:call-template name="section-heading"><xsl:with-param name="no" select="$no-contact"/><xsl:with-param name="text" select="'問い合わせ先'"/></xsl:call-template>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="Normal"/>
          <w:pBdr>
            <w:top w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="4" w:color="000000"/>
            <w:bottom w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="4" w:color="000000"/>
          </w:pBdr>
          <w:ind w:left="3360" w:right="113"/>
          <w:jc w:val="left"/>
        </w:pPr>
        <xsl:choose>
          <xsl:when test="normalize-space(n:contact) != ''">
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="normalize-space(n:contact)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="normalize-space(n:issuer)"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <!-- The opening sentence (notice-html.xsl's lead, as text). -->
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

  <!-- Summary: flattened list items and notes ("・　…", "①　…", "注　…") hang on their labels. -->
  <xsl:template match="*" mode="summary">
    <xsl:variable name="label">
      <xsl:if test="local-name() = 'p' and not(*)">
        <xsl:call-template name="item-label"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="local-name() = 'list'">
        <xsl:for-each select="*[local-name() = 'item']">
          <w:p>
            <w:pPr><w:pStyle w:val="ListLabeled"/></w:pPr>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'・　'"/></xsl:call-template>
            <xsl:call-template name="docx-run"><xsl:with-param name="text"><xsl:apply-templates mode="gk-flat"/></xsl:with-param></xsl:call-template>
          </w:p>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="local-name() = 'note'">
        <w:p>
          <w:pPr><w:pStyle w:val="Note"/></w:pPr>
          <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'（注）'"/></xsl:call-template>
          <xsl:call-template name="docx-run"><xsl:with-param name="text"><xsl:apply-templates mode="gk-flat"/></xsl:with-param></xsl:call-template>
        </w:p>
      </xsl:when>
      <xsl:when test="$label != ''">
        <w:p>
          <w:pPr><w:pStyle w:val="ListLabeled"/></w:pPr>
          <xsl:call-template name="docx-run"><xsl:with-param name="text" select="concat($label, '　')"/></xsl:call-template>
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text">
              <xsl:call-template name="item-rest"><xsl:with-param name="text" select="string(.)"/><xsl:with-param name="label" select="$label"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </w:p>
      </xsl:when>
      <xsl:otherwise>
        <w:p>
          <w:pPr><w:pStyle w:val="BodyText"/></w:pPr>
          <xsl:call-template name="docx-run"><xsl:with-param name="text"><xsl:apply-templates mode="gk-flat"/></xsl:with-param></xsl:call-template>
        </w:p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 主な改定内容: counts by kind, then the main changes as a table 区分 | 項目 | 位置. -->
  <xsl:template match="n:changes">
    <xsl:variable name="changes" select="."/>
    <w:p>
      <w:pPr><w:pStyle w:val="BodyText"/></w:pPr>
      <xsl:for-each select="@added | @modified | @removed | @moved | @renumbered | @citation[number(.) &gt; 0]">
        <xsl:call-template name="docx-run">
          <xsl:with-param name="text">
            <xsl:if test="position() &gt; 1">　</xsl:if>
            <xsl:call-template name="kind-label"><xsl:with-param name="kind" select="local-name()"/></xsl:call-template>
            <xsl:value-of select="concat(' ', ., ' 項目')"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </w:p>
    <xsl:if test="n:change">
      <xsl:call-template name="docx-para"><xsl:with-param name="style" select="'Caption'"/><xsl:with-param name="text" select="'主な改定箇所'"/></xsl:call-template>
      <w:tbl>
        <w:tblPr>
          <w:tblStyle w:val="TableGrid"/>
          <w:tblW w:w="{$text-width}" w:type="dxa"/>
          <w:tblLayout w:type="fixed"/>
          <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
        </w:tblPr>
        <w:tblGrid><w:gridCol w:w="1247"/><w:gridCol w:w="4195"/><w:gridCol w:w="4196"/></w:tblGrid>
        <w:tr>
          <w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>
          <xsl:call-template name="cell"><xsl:with-param name="width" select="1247"/><xsl:with-param name="text" select="'区分'"/><xsl:with-param name="head" select="true()"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="width" select="4195"/><xsl:with-param name="text" select="'項目'"/><xsl:with-param name="head" select="true()"/></xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="width" select="4196"/><xsl:with-param name="text" select="'位置'"/><xsl:with-param name="head" select="true()"/></xsl:call-template>
        </w:tr>
        <xsl:for-each select="n:change">
          <w:tr>
            <w:trPr><w:cantSplit/></w:trPr>
            <xsl:call-template name="cell">
              <xsl:with-param name="width" select="1247"/>
              <xsl:with-param name="text"><xsl:call-template name="kind-label"><xsl:with-param name="kind" select="@kind"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="width" select="4195"/>
              <xsl:with-param name="text">
                <xsl:if test="@num"><xsl:value-of select="concat(@num, '　')"/></xsl:if>
                <xsl:value-of select="@title"/>
                <xsl:if test="not(@title) and not(@num)"><xsl:value-of select="@id"/></xsl:if>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="width" select="4196"/>
              <xsl:with-param name="text"><xsl:call-template name="path-display"><xsl:with-param name="path" select="@path"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </w:tr>
        </xsl:for-each>
      </w:tbl>
    </xsl:if>
    <xsl:if test="$n/n:links/n:link[@rel = 'table']">
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'BodyText'"/>
        <xsl:with-param name="text">
          <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.see-table.before'"/></xsl:call-template>
          <xsl:call-template name="term"><xsl:with-param name="id" select="'doc.table'"/></xsl:call-template>
          <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.see-table.after'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="width"/>
    <xsl:param name="text"/>
    <xsl:param name="head" select="false()"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{$width}" w:type="dxa"/>
        <xsl:if test="$head"><w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/></xsl:if>
      </w:tcPr>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'TableText'"/>
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </w:tc>
  </xsl:template>

</xsl:stylesheet>
