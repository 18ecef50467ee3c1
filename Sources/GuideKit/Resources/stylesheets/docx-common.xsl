<?xml version="1.0" encoding="UTF-8"?>
<!--
  docx-common.xsl: the parts of a Word document (.docx) that the three Word stylesheets share,
  written as one Flat OPC package (pkg:package, the XML form of a .docx that Word itself reads and
  writes): relationships, document properties, styles, settings, numbering, footnotes and the
  footer with the page number. GuideKitWord's DocxWriter turns the package into the ZIP file.

  Included by delta-docx.xsl (新旧対照表), guideline-docx.xsl (edition) and notice-docx.xsl. The
  including stylesheet defines the named template "docx-body" (the w:body content before the
  section properties), "docx-footnotes" (the w:footnote elements of a document with g:fn) and
  "docx-extra-styles" (styles of its own), and calls "docx-package". Nothing here needs
  page-common.xsl or common-html.xsl, so either may be included beside it.

  Clause bookmarks: write <w:bookmarkStart gkw:clause="ID"/> … <w:bookmarkEnd gkw:clause="ID"/>;
  DocxWriter names them (BookmarkName: gk_ + escaped id) and numbers them, since XSLT 1.0 cannot
  escape code units.

  Parameters (all stylesheets):
    font-serif   East Asian body font (明朝)      default "ＭＳ 明朝"
    font-sans    East Asian heading font (ゴシック) default "ＭＳ ゴシック"
    font-latin   Latin text font                  default "Century"
    font-size    body size in half-points         default 21 (10.5 pt)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:ep="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    xmlns:gkw="urn:guidekit:word:1"
    xmlns:g="urn:guidekit:guideline:1"
    exclude-result-prefixes="g">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="font-serif" select="'ＭＳ 明朝'"/>
  <xsl:param name="font-sans" select="'ＭＳ ゴシック'"/>
  <xsl:param name="font-latin" select="'Century'"/>
  <xsl:param name="font-size" select="'21'"/>

  <xsl:variable name="docx-rel" select="'http://schemas.openxmlformats.org/officeDocument/2006/relationships'"/>
  <xsl:variable name="docx-ct" select="'application/vnd.openxmlformats-officedocument.wordprocessingml'"/>

  <!--
    The whole package. $title and $creator go to the document properties; $orientation is
    portrait or landscape (A4); $margin the page margins in twips.
  -->
  <xsl:template name="docx-package">
    <xsl:param name="title"/>
    <xsl:param name="creator" select="''"/>
    <xsl:param name="orientation" select="'portrait'"/>
    <xsl:param name="margin" select="1134"/>
    <xsl:variable name="has-footnotes" select="boolean(//g:fn)"/>
    <pkg:package>
      <pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">
        <pkg:xmlData>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{$docx-rel}/officeDocument" Target="word/document.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
            <Relationship Id="rId3" Type="{$docx-rel}/extended-properties" Target="docProps/app.xml"/>
          </Relationships>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/docProps/core.xml" pkg:contentType="application/vnd.openxmlformats-package.core-properties+xml">
        <pkg:xmlData>
          <cp:coreProperties>
            <dc:title><xsl:value-of select="$title"/></dc:title>
            <xsl:if test="$creator != ''"><dc:creator><xsl:value-of select="$creator"/></dc:creator></xsl:if>
            <dc:language>ja-JP</dc:language>
          </cp:coreProperties>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/docProps/app.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.extended-properties+xml">
        <pkg:xmlData>
          <ep:Properties><ep:Application>guidekit</ep:Application></ep:Properties>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/document.xml" pkg:contentType="{$docx-ct}.document.main+xml">
        <pkg:xmlData>
          <w:document>
            <w:body>
              <xsl:call-template name="docx-body"/>
              <w:sectPr>
                <w:footerReference w:type="default" r:id="rIdFooter"/>
                <xsl:choose>
                  <xsl:when test="$orientation = 'landscape'">
                    <w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>
                  </xsl:when>
                  <xsl:otherwise><w:pgSz w:w="11906" w:h="16838"/></xsl:otherwise>
                </xsl:choose>
                <w:pgMar w:top="{$margin}" w:right="{$margin}" w:bottom="{$margin}" w:left="{$margin}" w:header="567" w:footer="567" w:gutter="0"/>
                <w:cols w:space="425"/>
              </w:sectPr>
            </w:body>
          </w:document>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">
        <pkg:xmlData>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rIdStyles" Type="{$docx-rel}/styles" Target="styles.xml"/>
            <Relationship Id="rIdSettings" Type="{$docx-rel}/settings" Target="settings.xml"/>
            <Relationship Id="rIdFonts" Type="{$docx-rel}/fontTable" Target="fontTable.xml"/>
            <Relationship Id="rIdNumbering" Type="{$docx-rel}/numbering" Target="numbering.xml"/>
            <Relationship Id="rIdFooter" Type="{$docx-rel}/footer" Target="footer1.xml"/>
            <xsl:if test="$has-footnotes">
              <Relationship Id="rIdFootnotes" Type="{$docx-rel}/footnotes" Target="footnotes.xml"/>
            </xsl:if>
          </Relationships>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/styles.xml" pkg:contentType="{$docx-ct}.styles+xml">
        <pkg:xmlData><xsl:call-template name="docx-styles"/></pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/settings.xml" pkg:contentType="{$docx-ct}.settings+xml">
        <pkg:xmlData>
          <w:settings>
            <w:defaultTabStop w:val="840"/>
            <w:characterSpacingControl w:val="compressPunctuation"/>
            <xsl:if test="$has-footnotes">
              <w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
            </xsl:if>
            <w:compat>
              <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
            </w:compat>
          </w:settings>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/fontTable.xml" pkg:contentType="{$docx-ct}.fontTable+xml">
        <pkg:xmlData>
          <w:fonts>
            <w:font w:name="{$font-serif}">
              <w:altName w:val="Noto Serif CJK JP"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/>
            </w:font>
            <w:font w:name="{$font-sans}">
              <w:altName w:val="Noto Sans CJK JP"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>
            </w:font>
            <w:font w:name="{$font-latin}"><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
          </w:fonts>
        </pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/numbering.xml" pkg:contentType="{$docx-ct}.numbering+xml">
        <pkg:xmlData><xsl:call-template name="docx-numbering"/></pkg:xmlData>
      </pkg:part>
      <pkg:part pkg:name="/word/footer1.xml" pkg:contentType="{$docx-ct}.footer+xml">
        <pkg:xmlData>
          <w:ftr>
            <w:p>
              <w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>
              <w:r><w:t xml:space="preserve">－ </w:t></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r>
              <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r>
              <w:r><w:t>1</w:t></w:r>
              <w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:r><w:t xml:space="preserve"> －</w:t></w:r>
            </w:p>
          </w:ftr>
        </pkg:xmlData>
      </pkg:part>
      <xsl:if test="$has-footnotes">
        <pkg:part pkg:name="/word/footnotes.xml" pkg:contentType="{$docx-ct}.footnotes+xml">
          <pkg:xmlData>
            <w:footnotes>
              <w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>
              <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
              <xsl:call-template name="docx-footnotes"/>
            </w:footnotes>
          </pkg:xmlData>
        </pkg:part>
      </xsl:if>
    </pkg:package>
  </xsl:template>

  <!-- A run of text; $style a character style id, $underline true for 傍線. -->
  <xsl:template name="docx-run">
    <xsl:param name="text"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="underline" select="false()"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:if test="string($text) != ''">
      <w:r>
        <xsl:if test="$style != '' or $underline or $bold">
          <w:rPr>
            <xsl:if test="$style != ''"><w:rStyle w:val="{$style}"/></xsl:if>
            <xsl:if test="$bold"><w:b/></xsl:if>
            <xsl:if test="$underline"><w:u w:val="single"/></xsl:if>
          </w:rPr>
        </xsl:if>
        <w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t>
      </w:r>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph of one run. -->
  <xsl:template name="docx-para">
    <xsl:param name="style"/>
    <xsl:param name="text"/>
    <xsl:param name="jc" select="''"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="{$style}"/>
        <xsl:if test="$jc != ''"><w:jc w:val="{$jc}"/></xsl:if>
      </w:pPr>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- ===== styles ===== -->

  <xsl:template name="docx-font">
    <xsl:param name="east" select="$font-serif"/>
    <w:rFonts w:ascii="{$font-latin}" w:hAnsi="{$font-latin}" w:eastAsia="{$east}" w:cs="{$font-latin}"/>
  </xsl:template>

  <xsl:template name="docx-heading-style">
    <xsl:param name="level"/>
    <xsl:param name="size"/>
    <xsl:param name="before"/>
    <w:style w:type="paragraph" w:styleId="Heading{$level}">
      <w:name w:val="heading {$level}"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="BodyText"/>
      <w:uiPriority w:val="9"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
        <w:spacing w:before="{$before}" w:after="60"/>
        <w:jc w:val="left"/>
        <w:outlineLvl w:val="{$level - 1}"/>
      </w:pPr>
      <w:rPr>
        <xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template>
        <xsl:if test="$level &lt;= 2"><w:b/></xsl:if>
        <w:sz w:val="{$size}"/><w:szCs w:val="{$size}"/>
      </w:rPr>
    </w:style>
  </xsl:template>

  <xsl:template name="docx-styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <xsl:call-template name="docx-font"/>
            <w:kern w:val="2"/>
            <w:sz w:val="{$font-size}"/><w:szCs w:val="{$font-size}"/>
            <w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/><w:qFormat/>
      </w:style>
      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
        <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>
      </w:style>
      <w:style w:type="table" w:default="1" w:styleId="TableNormal">
        <w:name w:val="Normal Table"/><w:semiHidden/>
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Title">
        <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr>
        <w:rPr>
          <xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template>
          <w:sz w:val="28"/><w:szCs w:val="28"/>
        </w:rPr>
      </w:style>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="1"/><xsl:with-param name="size" select="26"/><xsl:with-param name="before" select="360"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="2"/><xsl:with-param name="size" select="24"/><xsl:with-param name="before" select="240"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="3"/><xsl:with-param name="size" select="22"/><xsl:with-param name="before" select="180"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="4"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="5"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="6"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="7"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="8"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <xsl:call-template name="docx-heading-style"><xsl:with-param name="level" select="9"/><xsl:with-param name="size" select="21"/><xsl:with-param name="before" select="120"/></xsl:call-template>
      <!-- 別紙・別添・様式: a top-level heading of its own. -->
      <w:style w:type="paragraph" w:styleId="Appendix">
        <w:name w:val="Appendix Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="BodyText"/><w:qFormat/>
        <w:pPr><w:pageBreakBefore/><w:outlineLvl w:val="0"/></w:pPr>
      </w:style>
      <!-- A heading that is no clause (改定の概要, the notice's sections): no outline level. -->
      <w:style w:type="paragraph" w:styleId="Subheading">
        <w:name w:val="Subheading"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/></w:pPr>
        <w:rPr>
          <xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template>
          <w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="BodyText">
        <w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:ind w:firstLineChars="100" w:firstLine="210"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Right">
        <w:name w:val="Right"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="right"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Meta">
        <w:name w:val="Edition Metadata"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="left"/></w:pPr>
        <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ClauseTags">
        <w:name w:val="Clause Tags"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:keepNext/><w:ind w:leftChars="100" w:left="210"/></w:pPr>
        <w:rPr>
          <xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template>
          <w:sz w:val="18"/><w:szCs w:val="18"/>
        </w:rPr>
      </w:style>
      <!-- （注）: the label hangs. -->
      <w:style w:type="paragraph" w:styleId="Note">
        <w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:ind w:left="840" w:hangingChars="300" w:hanging="630"/></w:pPr>
        <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListParagraph">
        <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:ind w:left="420" w:hanging="210"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListBullet">
        <w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="630" w:hanging="210"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListNumber">
        <w:name w:val="List Number"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:ind w:left="630" w:hanging="420"/></w:pPr>
      </w:style>
      <!-- ア　… / ①　…: items with their own label, hanging on it. -->
      <w:style w:type="paragraph" w:styleId="ListLabeled">
        <w:name w:val="List Labeled"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:ind w:left="630" w:hanging="420"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Caption">
        <w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr>
        <w:rPr>
          <xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template>
          <w:b/><w:sz w:val="20"/><w:szCs w:val="20"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableText">
        <w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="left"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="FootnoteText">
        <w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:ind w:left="210" w:hanging="210"/><w:jc w:val="left"/></w:pPr>
        <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Footer">
        <w:name w:val="footer"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="center"/></w:pPr>
      </w:style>
      <w:style w:type="character" w:styleId="FootnoteReference">
        <w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>
      </w:style>
      <!-- The number of a chapter, section or clause in its heading (第2章, 2-1, (1)). -->
      <w:style w:type="character" w:styleId="ClauseNumber">
        <w:name w:val="Clause Number"/>
      </w:style>
      <w:style w:type="character" w:styleId="Emphasis">
        <w:name w:val="Emphasis"/><w:qFormat/>
        <w:rPr><xsl:call-template name="docx-font"><xsl:with-param name="east" select="$font-sans"/></xsl:call-template><w:b/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="Term">
        <w:name w:val="Term"/>
      </w:style>
      <w:style w:type="character" w:styleId="CrossReference">
        <w:name w:val="Cross Reference"/>
      </w:style>
      <w:style w:type="character" w:styleId="Citation">
        <w:name w:val="Citation"/>
      </w:style>
      <w:style w:type="table" w:styleId="TableGrid">
        <w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
          </w:tblBorders>
        </w:tblPr>
      </w:style>
      <xsl:call-template name="docx-extra-styles"/>
    </w:styles>
  </xsl:template>

  <!-- ===== numbering: bullets (・) and ordered lists (1. 2. …, restarted per list) ===== -->

  <xsl:template name="docx-numbering">
    <w:numbering>
      <w:abstractNum w:abstractNumId="1">
        <w:multiLevelType w:val="singleLevel"/>
        <w:lvl w:ilvl="0">
          <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="・"/><w:lvlJc w:val="left"/>
          <w:pPr><w:ind w:left="630" w:hanging="210"/></w:pPr>
          <w:rPr><w:rFonts w:ascii="{$font-serif}" w:hAnsi="{$font-serif}" w:eastAsia="{$font-serif}" w:hint="eastAsia"/></w:rPr>
        </w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:multiLevelType w:val="singleLevel"/>
        <w:lvl w:ilvl="0">
          <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
          <w:pPr><w:ind w:left="630" w:hanging="420"/></w:pPr>
        </w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
      <!-- One instance per ordered list, so that each starts again at 1. -->
      <xsl:for-each select="//g:list[@type = 'ordered'][not(g:item/@num)]">
        <w:num w:numId="{position() + 2}">
          <w:abstractNumId w:val="2"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
        </w:num>
      </xsl:for-each>
    </w:numbering>
  </xsl:template>

</xsl:stylesheet>
