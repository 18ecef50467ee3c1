<?xml version="1.0" encoding="UTF-8"?>
<!--
  guideline-docx.xsl: one guideline edition (urn:guidekit:guideline:1) as a Word document, in
  the Flat OPC form that GuideKitWord's DocxWriter packages as .docx (see docx-common.xsl).

  The same structure as guideline-html.xsl: the date (和暦 and 西暦) and the issuer at the top
  right, the title, the edition's metadata, 改定の概要, then chapters, sections and clauses as
  headings (Heading1…Heading9 with outline levels, 別紙 as Appendix), each heading holding the
  unit's number in the character style ClauseNumber, a full-width space, its title, and a
  bookmark named after the unit's id (BookmarkName), so that `guidekit import` can read the
  edition back. Paragraphs (Body Text), lists (List Bullet, List Number, List Labeled), notes
  (Note, after 「（注）」), tables (with their header rows repeating), footnotes, and
  cross-references as internal links to the target's bookmark. A figure becomes its caption and
  its alternative text (the image itself is not embedded).

  Parameters: those of docx-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:guidekit:guideline:1"
    xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:gkw="urn:guidekit:word:1"
    exclude-result-prefixes="g">

  <xsl:include href="page-common.xsl"/>
  <xsl:include href="xref.xsl"/>
  <xsl:include href="docx-common.xsl"/>

  <xsl:variable name="g" select="/g:guideline"/>
  <!-- Text width of an A4 portrait page with the default margins, in twips. -->
  <xsl:variable name="text-width" select="9638"/>

  <xsl:template match="/">
    <xsl:if test="not($g)">
      <xsl:message terminate="yes">guideline-docx: the root element is not a guideline (urn:guidekit:guideline:1)</xsl:message>
    </xsl:if>
    <xsl:call-template name="docx-package">
      <xsl:with-param name="title" select="normalize-space($g/g:title)"/>
      <xsl:with-param name="creator" select="normalize-space($g/g:issuer)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="docx-extra-styles"/>

  <xsl:template name="docx-body">
    <xsl:for-each select="$g">
      <xsl:if test="@issued">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Right'"/>
          <xsl:with-param name="text"><xsl:call-template name="date-both"><xsl:with-param name="date" select="string(@issued)"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'Right'"/>
        <xsl:with-param name="text" select="normalize-space(g:issuer)"/>
      </xsl:call-template>
      <w:p>
        <w:pPr><w:pStyle w:val="Title"/></w:pPr>
        <xsl:if test="@status = 'draft'">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="bold" select="true()"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="g:title/node()" mode="docx-inline"/>
      </w:p>
      <xsl:if test="@status = 'draft'">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Meta'"/>
          <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'Meta'"/>
        <xsl:with-param name="text">
          <xsl:value-of select="concat('版：', @version)"/>
          <xsl:if test="@supersedes"><xsl:value-of select="concat('（', @supersedes, ' を改定）')"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="@issued | @planned | @effective">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Meta'"/>
          <xsl:with-param name="text">
            <xsl:call-template name="term">
              <xsl:with-param name="id" select="concat('date.', local-name())"/>
            </xsl:call-template>
            <xsl:text>：</xsl:text>
            <xsl:call-template name="date-both"><xsl:with-param name="date" select="string(.)"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="g:summary">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Subheading'"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="@supersedes">改定の概要</xsl:when>
              <xsl:otherwise>概要</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="g:summary/*" mode="docx-block"/>
      </xsl:if>
      <xsl:apply-templates select="g:chapter | g:appendix"/>
      <xsl:if test="g:contact">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Subheading'"/>
          <xsl:with-param name="text" select="'問い合わせ先'"/>
        </xsl:call-template>
        <w:p>
          <w:pPr><w:pStyle w:val="Normal"/></w:pPr>
          <xsl:apply-templates select="g:contact/node()" mode="docx-inline"/>
        </w:p>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== structure ===== -->

  <xsl:template match="g:chapter | g:section | g:appendix | g:clause">
    <xsl:variable name="depth" select="count(ancestor-or-self::g:chapter | ancestor-or-self::g:section | ancestor-or-self::g:appendix | self::g:clause)"/>
    <w:p>
      <w:pPr>
        <xsl:choose>
          <xsl:when test="self::g:appendix"><w:pStyle w:val="Appendix"/></xsl:when>
          <xsl:when test="$depth &gt; 9"><w:pStyle w:val="Heading9"/></xsl:when>
          <xsl:otherwise><w:pStyle w:val="Heading{$depth}"/></xsl:otherwise>
        </xsl:choose>
      </w:pPr>
      <w:bookmarkStart gkw:clause="{@id}"/>
      <xsl:call-template name="docx-run">
        <xsl:with-param name="text" select="string(@num)"/>
        <xsl:with-param name="style" select="'ClauseNumber'"/>
      </xsl:call-template>
      <xsl:if test="string(@num) != '' and g:title">
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'　'"/></xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="g:title/node()" mode="docx-inline"/>
      <w:bookmarkEnd gkw:clause="{@id}"/>
    </w:p>
    <xsl:if test="self::g:clause and (@level or normalize-space(@audience) != '')">
      <w:p>
        <w:pPr><w:pStyle w:val="ClauseTags"/></w:pPr>
        <xsl:if test="@level">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text">
              <xsl:text>［</xsl:text>
              <xsl:call-template name="level-label"><xsl:with-param name="level" select="@level"/></xsl:call-template>
              <xsl:text>］</xsl:text>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="normalize-space(@audience) != ''">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text">
              <xsl:text>対象：</xsl:text>
              <xsl:call-template name="audience-list"><xsl:with-param name="list" select="concat(normalize-space(@audience), ' ')"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </w:p>
    </xsl:if>
    <xsl:apply-templates select="g:p | g:list | g:note | g:table | g:figure" mode="docx-block"/>
    <xsl:apply-templates select="g:section | g:clause"/>
  </xsl:template>

  <!-- 経営者、勤務者 -->
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

  <xsl:template match="g:p" mode="docx-block">
    <xsl:param name="style" select="'BodyText'"/>
    <w:p>
      <w:pPr><w:pStyle w:val="{$style}"/></w:pPr>
      <xsl:apply-templates mode="docx-inline"/>
    </w:p>
  </xsl:template>

  <xsl:template match="g:note" mode="docx-block">
    <w:p>
      <w:pPr><w:pStyle w:val="Note"/></w:pPr>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'（注）'"/></xsl:call-template>
      <xsl:apply-templates mode="docx-inline"/>
    </w:p>
  </xsl:template>

  <xsl:template match="g:list" mode="docx-block">
    <xsl:variable name="ordered" select="@type = 'ordered' and not(g:item/@num)"/>
    <!-- The list's own numbering instance (docx-numbering): counted only for an ordered list, since
         counting along preceding:: for every list would cost time quadratic in the edition. -->
    <xsl:variable name="num-id">
      <xsl:if test="$ordered">
        <xsl:value-of select="count(preceding::g:list[@type = 'ordered'][not(g:item/@num)]) + 3"/>
      </xsl:if>
    </xsl:variable>
    <xsl:for-each select="g:item">
      <w:p>
        <xsl:choose>
          <xsl:when test="../g:item/@num">
            <w:pPr><w:pStyle w:val="ListLabeled"/></w:pPr>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="concat(@num, '　')"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$ordered">
            <w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{$num-id}"/></w:numPr></w:pPr>
          </xsl:when>
          <xsl:otherwise>
            <w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates mode="docx-inline"/>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="g:figure" mode="docx-block">
    <w:p>
      <w:pPr><w:pStyle w:val="Caption"/></w:pPr>
      <w:bookmarkStart gkw:clause="{@id}"/>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="string(@num)"/></xsl:call-template>
      <xsl:if test="string(@num) != ''"><xsl:call-template name="docx-run"><xsl:with-param name="text" select="'　'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="g:caption/node()" mode="docx-inline"/>
      <w:bookmarkEnd gkw:clause="{@id}"/>
    </w:p>
    <w:p>
      <w:pPr><w:pStyle w:val="Note"/></w:pPr>
      <xsl:call-template name="docx-run">
        <xsl:with-param name="text">
          <xsl:text>［</xsl:text>
          <xsl:call-template name="term"><xsl:with-param name="id" select="'figure.image'"/></xsl:call-template>
          <xsl:value-of select="concat('：', normalize-space(@alt), '］')"/>
        </xsl:with-param>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <xsl:template match="g:table" mode="docx-block">
    <xsl:variable name="first" select="(g:thead/g:row | g:tbody/g:row)[1]"/>
    <xsl:variable name="columns" select="count($first/g:cell) + sum($first/g:cell/@colspan) - count($first/g:cell[@colspan])"/>
    <xsl:variable name="col-width" select="floor($text-width div $columns)"/>
    <w:p>
      <w:pPr><w:pStyle w:val="Caption"/></w:pPr>
      <w:bookmarkStart gkw:clause="{@id}"/>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="string(@num)"/></xsl:call-template>
      <xsl:if test="string(@num) != ''"><xsl:call-template name="docx-run"><xsl:with-param name="text" select="'　'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="g:caption/node()" mode="docx-inline"/>
      <w:bookmarkEnd gkw:clause="{@id}"/>
    </w:p>
    <w:tbl>
      <w:tblPr>
        <w:tblStyle w:val="TableGrid"/>
        <w:tblW w:w="5000" w:type="pct"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <xsl:for-each select="$first/g:cell">
          <xsl:call-template name="grid-cols"><xsl:with-param name="n" select="number(concat('0', @colspan)) + number(not(@colspan))"/><xsl:with-param name="width" select="$col-width"/></xsl:call-template>
        </xsl:for-each>
      </w:tblGrid>
      <xsl:for-each select="g:thead/g:row | g:tbody/g:row">
        <w:tr>
          <w:trPr>
            <w:cantSplit/>
            <xsl:if test="parent::g:thead"><w:tblHeader/></xsl:if>
          </w:trPr>
          <xsl:for-each select="g:cell">
            <w:tc>
              <w:tcPr>
                <xsl:variable name="span" select="number(concat('0', @colspan)) + number(not(@colspan))"/>
                <w:tcW w:w="{$col-width * $span}" w:type="dxa"/>
                <xsl:if test="$span &gt; 1"><w:gridSpan w:val="{$span}"/></xsl:if>
                <xsl:if test="ancestor::g:thead"><w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/></xsl:if>
              </w:tcPr>
              <xsl:choose>
                <xsl:when test="g:p | g:list">
                  <xsl:for-each select="g:p | g:list">
                    <xsl:apply-templates select="." mode="docx-block"><xsl:with-param name="style" select="'TableText'"/></xsl:apply-templates>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <w:p>
                    <w:pPr><w:pStyle w:val="TableText"/></w:pPr>
                    <xsl:if test="not(preceding-sibling::g:cell)"><w:bookmarkStart gkw:clause="{../@id}"/></xsl:if>
                    <xsl:apply-templates mode="docx-inline"/>
                    <xsl:if test="not(preceding-sibling::g:cell)"><w:bookmarkEnd gkw:clause="{../@id}"/></xsl:if>
                  </w:p>
                </xsl:otherwise>
              </xsl:choose>
            </w:tc>
          </xsl:for-each>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
    <!-- Word needs a paragraph between a table and what follows (another table, a heading). -->
    <w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:after="0"/></w:pPr></w:p>
  </xsl:template>

  <xsl:template name="grid-cols">
    <xsl:param name="n"/>
    <xsl:param name="width"/>
    <xsl:if test="$n &gt; 0">
      <w:gridCol w:w="{$width}"/>
      <xsl:call-template name="grid-cols"><xsl:with-param name="n" select="$n - 1"/><xsl:with-param name="width" select="$width"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline ===== -->

  <xsl:template match="text()" mode="docx-inline">
    <xsl:variable name="t"><xsl:call-template name="flow"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:variable>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$t"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:em" mode="docx-inline">
    <xsl:variable name="t"><xsl:apply-templates mode="gk-flat"/></xsl:variable>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$t"/><xsl:with-param name="style" select="'Emphasis'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:term" mode="docx-inline">
    <xsl:variable name="t"><xsl:apply-templates mode="gk-flat"/></xsl:variable>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$t"/><xsl:with-param name="style" select="'Term'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:ref" mode="docx-inline">
    <xsl:variable name="t"><xsl:apply-templates mode="gk-flat"/></xsl:variable>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$t"/><xsl:with-param name="style" select="'Citation'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="g:fn" mode="docx-inline">
    <w:r>
      <w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>
      <w:footnoteReference><xsl:attribute name="w:id"><xsl:number level="any" count="g:fn"/></xsl:attribute></w:footnoteReference>
    </w:r>
  </xsl:template>
  <!-- A cross-reference: the target's current number, linked to its bookmark. -->
  <xsl:template match="g:xref" mode="docx-inline">
    <xsl:variable name="label"><xsl:call-template name="xref-label"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="key('gk-xref-target', string(@target))">
        <w:hyperlink gkw:anchor="{@target}">
          <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$label"/><xsl:with-param name="style" select="'CrossReference'"/></xsl:call-template>
        </w:hyperlink>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$label"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="*" mode="docx-inline">
    <xsl:apply-templates mode="docx-inline"/>
  </xsl:template>

  <xsl:template name="docx-footnotes">
    <xsl:for-each select="//g:fn">
      <w:footnote w:id="{position()}">
        <w:p>
          <w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
          <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
          <w:r><w:t xml:space="preserve"> </w:t></w:r>
          <xsl:apply-templates mode="docx-inline"/>
        </w:p>
      </w:footnote>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
