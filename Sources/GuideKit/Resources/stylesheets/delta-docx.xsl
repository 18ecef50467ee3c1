<?xml version="1.0" encoding="UTF-8"?>
<!--
  delta-docx.xsl: the 新旧対照表 of a delta document (urn:guidekit:delta:1) as a Word document,
  in the Flat OPC form that GuideKitWord's DocxWriter packages as .docx (see docx-common.xsl).

  The same table as delta-table.xsl (the HTML), row for row: the title, 「（傍線部分は改正部分）」,
  then one table of two columns of equal width, 改正後 (left) and 改正前 (right), whose header
  row repeats on every page (w:tblHeader). Changed spans are underlined (傍線) in both columns;
  an added unit stands left, underlined, with （新設） right; a removed unit right, underlined,
  with （削除） left; each gap is （略） in both columns; a renumbered unit shows both numbers
  underlined; the chapter and section headings stand at the top of the row of the first unit
  under them. Rows are ruled, so that the table closes at the foot of every page (Word has no
  repeating footer row).
  Keep the two files in step when the table changes.

  Parameters:
    title  document title (default: "<new title> 新旧対照表")
    paper  landscape (default) | portrait  (A4)
    and those of docx-common.xsl (fonts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:gkw="urn:guidekit:word:1"
    exclude-result-prefixes="d">

  <xsl:include href="common-html.xsl"/>
  <xsl:include href="docx-common.xsl"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="paper" select="'landscape'"/>

  <!-- The same keys as delta-table.xsl: which heading rows to show, and how they changed. -->
  <xsl:key name="step" match="d:unit[not(@change = 'removed')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
  <xsl:key name="renamed"
           match="d:unit[d:old-path][not(@moved = 'true')][not(@change = 'removed' or @change = 'added')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
  <xsl:key name="same"
           match="d:unit[not(d:old-path)][not(@moved = 'true')][not(@change = 'removed' or @change = 'added')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>

  <xsl:variable name="kind" select="/d:delta/@kind"/>
  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''"><xsl:value-of select="normalize-space($title)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(normalize-space(/d:delta/d:new/d:title), ' 新旧対照表')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="orientation">
    <xsl:choose>
      <xsl:when test="$paper = 'portrait'">portrait</xsl:when>
      <xsl:otherwise>landscape</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Margins 20 mm; the text width split in two equal columns (twips). -->
  <xsl:variable name="margin" select="1134"/>
  <xsl:variable name="text-width">
    <xsl:choose>
      <xsl:when test="$orientation = 'portrait'"><xsl:value-of select="11906 - 2 * $margin"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="16838 - 2 * $margin"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="column" select="floor($text-width div 2)"/>
  <!-- Cell text: 10 pt landscape, 9.5 pt portrait (half-points); one em in twips. -->
  <xsl:variable name="cell-size">
    <xsl:choose>
      <xsl:when test="$orientation = 'portrait'">19</xsl:when>
      <xsl:otherwise>20</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="em" select="$cell-size * 10"/>

  <xsl:template match="/">
    <xsl:if test="not(d:delta)">
      <xsl:message terminate="yes">delta-docx: the root element is not a delta document (urn:guidekit:delta:1)</xsl:message>
    </xsl:if>
    <xsl:call-template name="docx-package">
      <xsl:with-param name="title" select="$page-title"/>
      <xsl:with-param name="creator" select="string(/d:delta/d:new/@issuer)"/>
      <xsl:with-param name="orientation" select="$orientation"/>
      <xsl:with-param name="margin" select="$margin"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="docx-footnotes"/>

  <xsl:template name="docx-extra-styles">
    <w:style w:type="paragraph" w:styleId="CellText">
      <w:name w:val="Comparison Table Text"/><w:basedOn w:val="Normal"/>
      <w:pPr><w:jc w:val="both"/></w:pPr>
      <w:rPr><w:sz w:val="{$cell-size}"/><w:szCs w:val="{$cell-size}"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="CellHeading">
      <w:name w:val="Comparison Table Heading"/><w:basedOn w:val="CellText"/>
      <w:pPr><w:keepNext/><w:spacing w:before="120"/></w:pPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="CellNote">
      <w:name w:val="Comparison Table Note"/><w:basedOn w:val="CellText"/>
      <w:rPr><w:sz w:val="{$cell-size - 2}"/><w:szCs w:val="{$cell-size - 2}"/></w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="ColumnHeader">
      <w:name w:val="Comparison Table Column Header"/><w:basedOn w:val="Normal"/>
      <w:pPr><w:jc w:val="center"/></w:pPr>
      <w:rPr><w:sz w:val="{$cell-size}"/><w:szCs w:val="{$cell-size}"/></w:rPr>
    </w:style>
  </xsl:template>

  <xsl:template name="docx-body">
    <xsl:for-each select="d:delta">
      <w:p>
        <w:pPr><w:pStyle w:val="Title"/></w:pPr>
        <xsl:if test="d:new/@status = 'draft'">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$page-title"/></xsl:call-template>
      </w:p>
      <xsl:if test="d:new/@status = 'draft'">
        <xsl:call-template name="docx-para">
          <xsl:with-param name="style" select="'Meta'"/>
          <xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="d:new" mode="edition"><xsl:with-param name="label" select="'改正後'"/></xsl:apply-templates>
      <xsl:apply-templates select="d:old" mode="edition"><xsl:with-param name="label" select="'改正前'"/></xsl:apply-templates>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'Right'"/>
        <xsl:with-param name="text" select="'（傍線部分は改正部分）'"/>
      </xsl:call-template>
      <w:tbl>
        <w:tblPr>
          <w:tblW w:w="{2 * $column}" w:type="dxa"/>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
          </w:tblBorders>
          <w:tblLayout w:type="fixed"/>
          <w:tblCellMar>
            <w:top w:w="57" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>
            <w:bottom w:w="57" w:type="dxa"/><w:right w:w="170" w:type="dxa"/>
          </w:tblCellMar>
          <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
        </w:tblPr>
        <w:tblGrid><w:gridCol w:w="{$column}"/><w:gridCol w:w="{$column}"/></w:tblGrid>
        <w:tr>
          <w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>
          <xsl:call-template name="header-cell"><xsl:with-param name="text" select="'改正後'"/></xsl:call-template>
          <xsl:call-template name="header-cell"><xsl:with-param name="text" select="'改正前'"/></xsl:call-template>
        </w:tr>
        <xsl:apply-templates select="d:unit | d:gap" mode="row"/>
        <xsl:if test="not(d:unit)">
          <xsl:call-template name="row">
            <xsl:with-param name="left"><xsl:call-template name="mark"><xsl:with-param name="text" select="'（改正なし）'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="right"><xsl:call-template name="mark"><xsl:with-param name="text" select="'（改正なし）'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </w:tbl>
      <w:p><w:pPr><w:spacing w:after="0"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="header-cell">
    <xsl:param name="text"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{$column}" w:type="dxa"/>
        <w:tcBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>
        <w:vAlign w:val="center"/>
      </w:tcPr>
      <xsl:call-template name="docx-para">
        <xsl:with-param name="style" select="'ColumnHeader'"/>
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </w:tc>
  </xsl:template>

  <!-- A body row of two cells; $keep keeps it on one page, $next with the row after it. -->
  <xsl:template name="row">
    <xsl:param name="left"/>
    <xsl:param name="right"/>
    <xsl:param name="keep" select="true()"/>
    <w:tr>
      <xsl:if test="$keep"><w:trPr><w:cantSplit/></w:trPr></xsl:if>
      <w:tc>
        <w:tcPr><w:tcW w:w="{$column}" w:type="dxa"/></w:tcPr>
        <xsl:copy-of select="$left"/>
      </w:tc>
      <w:tc>
        <w:tcPr><w:tcW w:w="{$column}" w:type="dxa"/></w:tcPr>
        <xsl:copy-of select="$right"/>
      </w:tc>
    </w:tr>
  </xsl:template>

  <!-- 改正後　タイトル（5.0、令和3年5月31日公表） -->
  <xsl:template match="d:old | d:new" mode="edition">
    <xsl:param name="label"/>
    <xsl:call-template name="docx-para">
      <xsl:with-param name="style" select="'Meta'"/>
      <xsl:with-param name="text">
        <xsl:value-of select="concat('【', $label, '】　')"/>
        <xsl:value-of select="normalize-space(d:title)"/>
        <xsl:text>（</xsl:text>
        <xsl:if test="$kind != 'law' or not(@effective)">
          <xsl:value-of select="@version"/>
          <xsl:if test="@issued or @effective">、</xsl:if>
        </xsl:if>
        <xsl:variable name="law" select="substring('law.', 1, 4 * number($kind = 'law'))"/>
        <xsl:if test="@issued">
          <xsl:call-template name="wareki"><xsl:with-param name="date" select="@issued"/></xsl:call-template>
          <xsl:call-template name="term"><xsl:with-param name="id" select="concat($law, 'date.issued.after')"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@effective and (not(@issued) or @effective != @issued)">
          <xsl:if test="@issued">、</xsl:if>
          <xsl:call-template name="wareki"><xsl:with-param name="date" select="@effective"/></xsl:call-template>
          <xsl:call-template name="term"><xsl:with-param name="id" select="concat($law, 'date.effective.after')"/></xsl:call-template>
        </xsl:if>
        <xsl:text>）</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- （略） -->
  <xsl:template match="d:gap" mode="row">
    <xsl:call-template name="row">
      <xsl:with-param name="left"><xsl:call-template name="mark"><xsl:with-param name="text" select="'（略）'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="right"><xsl:call-template name="mark"><xsl:with-param name="text" select="'（略）'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- （略）, （新設）, （削除）: indented by one character. -->
  <xsl:template name="mark">
    <xsl:param name="text"/>
    <xsl:param name="next" select="false()"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="CellText"/>
        <xsl:if test="$next"><w:keepNext/></xsl:if>
        <xsl:call-template name="ind"><xsl:with-param name="left" select="1"/></xsl:call-template>
      </w:pPr>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- w:ind in ems of the cell text: $left, $hanging or $first (first-line indent). -->
  <xsl:template name="ind">
    <xsl:param name="left" select="0"/>
    <xsl:param name="hanging" select="0"/>
    <xsl:param name="first" select="0"/>
    <w:ind w:left="{round($left * $em)}">
      <xsl:if test="$hanging &gt; 0"><xsl:attribute name="w:hanging"><xsl:value-of select="round($hanging * $em)"/></xsl:attribute></xsl:if>
      <xsl:if test="$first &gt; 0"><xsl:attribute name="w:firstLine"><xsl:value-of select="round($first * $em)"/></xsl:attribute></xsl:if>
    </w:ind>
  </xsl:template>

  <xsl:template match="d:unit" mode="row">
    <xsl:variable name="c" select="@change"/>
    <!-- Rows short enough to move whole to the next page keep together, as in the HTML. -->
    <xsl:variable name="size-old" select="string-length(normalize-space(d:old)) + 24 * count(d:old/d:line)"/>
    <xsl:variable name="size-new" select="string-length(normalize-space(d:new)) + 24 * count(d:new/d:line)"/>
    <xsl:call-template name="row">
      <xsl:with-param name="keep" select="$size-old &lt;= 450 and $size-new &lt;= 450"/>
      <xsl:with-param name="left">
        <xsl:call-template name="headings"><xsl:with-param name="side" select="'left'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$c = 'removed' or not(d:new)">
            <xsl:call-template name="mark">
              <xsl:with-param name="text">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.removed'"/></xsl:call-template>）</xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="relation-notes-docx"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="relation-notes-docx"/>
            <xsl:call-template name="unit-body">
              <xsl:with-param name="lines" select="d:new/d:line"/>
              <xsl:with-param name="num" select="string(@num)"/>
              <xsl:with-param name="all" select="$c = 'added'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="right">
        <xsl:call-template name="headings"><xsl:with-param name="side" select="'right'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$c = 'added' or not(d:old)">
            <xsl:call-template name="mark">
              <xsl:with-param name="text">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.added'"/></xsl:call-template>）</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="old-place"/>
            <xsl:call-template name="unit-body">
              <xsl:with-param name="lines" select="d:old/d:line"/>
              <xsl:with-param name="num" select="string(@old-num)"/>
              <xsl:with-param name="all" select="$c = 'removed'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A small note in a cell: （移動前：…）, （…から分割）. -->
  <xsl:template name="cell-note">
    <xsl:param name="text"/>
    <w:p>
      <w:pPr><w:pStyle w:val="CellNote"/></w:pPr>
      <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- Where the unit stood in OLD, when that is not the heading above it (as delta-table.xsl). -->
  <xsl:template name="old-place">
    <xsl:choose>
      <xsl:when test="@change = 'removed'">
        <xsl:variable name="here" select="preceding-sibling::d:unit[1]"/>
        <xsl:variable name="mine">
          <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="theirs">
          <xsl:call-template name="path-text"><xsl:with-param name="steps" select="$here/d:path/d:step"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="d:path/d:step and $mine != $theirs">
          <xsl:call-template name="cell-note"><xsl:with-param name="text" select="concat('（位置：', $mine, '）')"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@moved = 'true' or @change = 'moved'">
        <xsl:call-template name="cell-note">
          <xsl:with-param name="text">
            <xsl:text>（移動前：</xsl:text>
            <xsl:choose>
              <xsl:when test="d:old-path/d:step">
                <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:old-path/d:step"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text>）</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Relations, withdrawal and citation changes of a unit (relation-notes in common-html.xsl). -->
  <xsl:template name="relation-notes-docx">
    <xsl:if test="@split-from">
      <xsl:call-template name="cell-note">
        <xsl:with-param name="text">
          <xsl:text>（</xsl:text>
          <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string(current()/@split-from)"/></xsl:call-template>
          <xsl:text>から分割）</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@merged-into">
      <xsl:call-template name="cell-note">
        <xsl:with-param name="text">
          <xsl:text>（</xsl:text>
          <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string(current()/@merged-into)"/></xsl:call-template>
          <xsl:text>に統合）</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@withdrawn = 'true'">
      <xsl:call-template name="cell-note">
        <xsl:with-param name="text">
          <xsl:text>（取下げ</xsl:text>
          <xsl:for-each select="d:successors/d:successor">
            <xsl:choose>
              <xsl:when test="position() = 1">：</xsl:when>
              <xsl:otherwise>、</xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string(@id)"/></xsl:call-template>
            <xsl:choose>
              <xsl:when test="@rel = 'incorporated-into'">に統合</xsl:when>
              <xsl:when test="@rel = 'moved-to'">へ移動</xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('（', @rel, '）')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:text>）</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@coarse = 'true'">
      <xsl:call-template name="cell-note"><xsl:with-param name="text" select="'（差分は概略）'"/></xsl:call-template>
    </xsl:if>
    <xsl:for-each select="d:refs/d:ref">
      <w:p>
        <w:pPr><w:pStyle w:val="CellNote"/><xsl:call-template name="ind"><xsl:with-param name="left" select="1"/><xsl:with-param name="hanging" select="1"/></xsl:call-template></w:pPr>
        <xsl:call-template name="docx-run">
          <xsl:with-param name="text">
            <xsl:text>・</xsl:text>
            <xsl:call-template name="term"><xsl:with-param name="id" select="concat('ref.', @change)"/></xsl:call-template>
            <xsl:value-of select="concat('：「', normalize-space(.), '」 ')"/>
            <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.provision'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:if test="@old-provision"><xsl:value-of select="concat(@old-provision, ' → ')"/></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="docx-run">
          <xsl:with-param name="text" select="string(@provision)"/>
          <xsl:with-param name="underline" select="boolean(@old-provision)"/>
        </xsl:call-template>
        <xsl:if test="@pin or @old-pin">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text">
              <xsl:text>、</xsl:text>
              <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.pin'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:if test="@old-pin"><xsl:value-of select="concat(@old-pin, ' → ')"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text" select="string(@pin)"/>
            <xsl:with-param name="underline" select="boolean(@old-pin)"/>
          </xsl:call-template>
        </xsl:if>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <!-- The chapter/section headings that first appear with this unit, at the top of its row: the
       same headings as the heading rows of delta-table.xsl, one side at a time. -->
  <xsl:template name="headings">
    <xsl:param name="side"/>
    <xsl:if test="@change != 'removed'">
      <xsl:variable name="prev-id" select="string((preceding-sibling::*[1])[self::d:unit]/@id)"/>
      <xsl:for-each select="d:path/d:step">
        <xsl:variable name="k" select="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
        <xsl:if test="generate-id(.) = generate-id(key('step', $k)[1]) and not(@id != '' and @id = $prev-id)">
          <xsl:call-template name="heading"><xsl:with-param name="k" select="$k"/><xsl:with-param name="side" select="$side"/></xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A chapter/section heading: NEW text left, OLD text right (diffed), or （新設） (delta-table.xsl). -->
  <xsl:template name="heading">
    <xsl:param name="k"/>
    <xsl:param name="side"/>
    <xsl:variable name="depth" select="count(preceding-sibling::d:step)"/>
    <xsl:variable name="new-text" select="normalize-space(.)"/>
    <xsl:variable name="renamed" select="key('renamed', $k)[1]"/>
    <xsl:variable name="renamed-old" select="$renamed/../../d:old-path/d:step"/>
    <xsl:variable name="group" select="key('step', $k)"/>
    <xsl:variable name="status">
      <xsl:choose>
        <xsl:when test="@new = 'true'">new</xsl:when>
        <xsl:when test="@old and normalize-space(@old) != $new-text">renamed</xsl:when>
        <xsl:when test="@old">same</xsl:when>
        <xsl:when test="key('same', $k)">same</xsl:when>
        <xsl:when test="$renamed and count($renamed-old) = count($renamed/../d:step)">renamed</xsl:when>
        <xsl:when test="$renamed">same</xsl:when>
        <xsl:when test="not(($group/preceding-sibling::*[1])[self::d:gap]) and not(($group[last()]/following-sibling::*[1])[self::d:gap])">new</xsl:when>
        <xsl:otherwise>same</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="old-text">
      <xsl:choose>
        <xsl:when test="$status = 'renamed' and @old"><xsl:value-of select="normalize-space(@old)"/></xsl:when>
        <xsl:when test="$status = 'renamed'"><xsl:value-of select="normalize-space($renamed-old[$depth + 1])"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$new-text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="indent">
      <xsl:choose>
        <xsl:when test="$depth = 0">2</xsl:when>
        <xsl:when test="$depth = 1">3</xsl:when>
        <xsl:otherwise>4</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$side = 'left'">
        <w:p>
          <w:pPr><w:pStyle w:val="CellHeading"/><xsl:call-template name="ind"><xsl:with-param name="left" select="$indent"/></xsl:call-template></w:pPr>
          <xsl:choose>
            <xsl:when test="$status = 'new'">
              <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$new-text"/><xsl:with-param name="underline" select="true()"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="mark-diff">
                <xsl:with-param name="a" select="$new-text"/>
                <xsl:with-param name="b" select="$old-text"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </w:p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$status = 'new'">
            <xsl:call-template name="mark">
              <xsl:with-param name="text">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.added'"/></xsl:call-template>）</xsl:with-param>
              <xsl:with-param name="next" select="true()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <w:p>
              <w:pPr><w:pStyle w:val="CellHeading"/><xsl:call-template name="ind"><xsl:with-param name="left" select="$indent"/></xsl:call-template></w:pPr>
              <xsl:call-template name="mark-diff">
                <xsl:with-param name="a" select="$old-text"/>
                <xsl:with-param name="b" select="$new-text"/>
              </xsl:call-template>
            </w:p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $a as runs, the part that differs from $b underlined (delta-table.xsl's mark-diff). -->
  <xsl:template name="mark-diff">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$a = $b"><xsl:call-template name="docx-run"><xsl:with-param name="text" select="$a"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p0">
          <xsl:call-template name="common-prefix"><xsl:with-param name="a" select="$a"/><xsl:with-param name="b" select="$b"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="p">
          <xsl:call-template name="snap-prefix"><xsl:with-param name="s" select="$a"/><xsl:with-param name="n" select="number($p0)"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="la" select="string-length($a)"/>
        <xsl:variable name="s0">
          <xsl:call-template name="common-suffix">
            <xsl:with-param name="a" select="substring($a, $p + 1)"/>
            <xsl:with-param name="b" select="substring($b, $p + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="s">
          <xsl:call-template name="snap-suffix"><xsl:with-param name="s" select="$a"/><xsl:with-param name="n" select="number($s0)"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="substring($a, 1, $p)"/></xsl:call-template>
        <xsl:if test="$la - $p - $s &gt; 0">
          <xsl:call-template name="docx-run">
            <xsl:with-param name="text" select="substring($a, $p + 1, $la - $p - $s)"/>
            <xsl:with-param name="underline" select="true()"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="substring($a, $la - $s + 1)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="boundary" select="' 　、。，．・「」『』（）()［］[]〔〕【】：:；;/／-‐'"/>

  <xsl:template name="snap-prefix">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $n &gt;= string-length($s)"><xsl:value-of select="$n"/></xsl:when>
      <xsl:when test="contains($boundary, substring($s, $n, 1))"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="snap-prefix"><xsl:with-param name="s" select="$s"/><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="snap-suffix">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:variable name="l" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $n &gt;= $l"><xsl:value-of select="$n"/></xsl:when>
      <xsl:when test="contains($boundary, substring($s, $l - $n + 1, 1))"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="snap-suffix"><xsl:with-param name="s" select="$s"/><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="common-prefix">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="i" select="0"/>
    <xsl:choose>
      <xsl:when test="$i &lt; string-length($a) and $i &lt; string-length($b) and substring($a, $i + 1, 1) = substring($b, $i + 1, 1) and $i &lt; 500">
        <xsl:call-template name="common-prefix"><xsl:with-param name="a" select="$a"/><xsl:with-param name="b" select="$b"/><xsl:with-param name="i" select="$i + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$i"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="common-suffix">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="i" select="0"/>
    <xsl:variable name="la" select="string-length($a)"/>
    <xsl:variable name="lb" select="string-length($b)"/>
    <xsl:choose>
      <xsl:when test="$i &lt; $la and $i &lt; $lb and substring($a, $la - $i, 1) = substring($b, $lb - $i, 1) and $i &lt; 500">
        <xsl:call-template name="common-suffix"><xsl:with-param name="a" select="$a"/><xsl:with-param name="b" select="$b"/><xsl:with-param name="i" select="$i + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$i"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One side of a unit: number (underlined when renumbered), caption and lines; $all underlines
       every line (an added unit left, a removed unit right). -->
  <xsl:template name="unit-body">
    <xsl:param name="lines"/>
    <xsl:param name="num"/>
    <xsl:param name="all" select="false()"/>
    <xsl:variable name="type" select="@type"/>
    <xsl:variable name="titled" select="boolean(d:title)"/>
    <xsl:variable name="num-u" select="$all or (@num and @old-num and @num != @old-num)"/>
    <xsl:choose>
      <!-- Law article: （見出し） on its own line, then 第十条　本文 -->
      <xsl:when test="$type = 'article'">
        <xsl:if test="$titled and $lines[1]">
          <xsl:call-template name="line">
            <xsl:with-param name="line" select="$lines[1]"/><xsl:with-param name="left" select="1"/><xsl:with-param name="all" select="$all"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:variable name="body" select="$lines[position() &gt; number($titled)]"/>
        <xsl:call-template name="line">
          <xsl:with-param name="line" select="$body[1]"/><xsl:with-param name="left" select="1"/><xsl:with-param name="hanging" select="1"/>
          <xsl:with-param name="num" select="$num"/><xsl:with-param name="num-u" select="$num-u"/><xsl:with-param name="all" select="$all"/>
        </xsl:call-template>
        <xsl:for-each select="$body[position() &gt; 1]">
          <xsl:call-template name="law-line"><xsl:with-param name="all" select="$all"/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <!-- Supplementary provisions: 附　則（令和…法律第…号） -->
      <xsl:when test="$type = 'supplement'">
        <w:p>
          <w:pPr><w:pStyle w:val="CellText"/><xsl:call-template name="ind"><xsl:with-param name="left" select="3"/></xsl:call-template></w:pPr>
          <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$num"/><xsl:with-param name="underline" select="$num-u"/></xsl:call-template>
          <xsl:if test="$titled and $lines[1]">
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'（'"/><xsl:with-param name="underline" select="$all"/></xsl:call-template>
            <xsl:apply-templates select="$lines[1]/node()" mode="docx-line"><xsl:with-param name="all" select="$all"/></xsl:apply-templates>
            <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'）'"/><xsl:with-param name="underline" select="$all"/></xsl:call-template>
          </xsl:if>
        </w:p>
        <xsl:for-each select="$lines[position() &gt; number($titled)]">
          <xsl:call-template name="law-line"><xsl:with-param name="all" select="$all"/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <!-- Guideline clause or control: (1)　見出し, then the text. -->
      <xsl:otherwise>
        <xsl:call-template name="line">
          <xsl:with-param name="line" select="$lines[1]"/>
          <xsl:with-param name="num" select="$num"/><xsl:with-param name="num-u" select="$num-u"/><xsl:with-param name="all" select="$all"/>
        </xsl:call-template>
        <xsl:for-each select="$lines[position() &gt; 1]">
          <xsl:choose>
            <xsl:when test="$type = 'control'">
              <xsl:variable name="label" select="substring-before(substring(string(.), 1, 8), '　')"/>
              <xsl:variable name="lv">
                <xsl:choose>
                  <xsl:when test="$label = ''">0</xsl:when>
                  <xsl:when test="starts-with($label, '(')">3</xsl:when>
                  <xsl:when test="translate($label, '0123456789', '') = '.'">2</xsl:when>
                  <xsl:when test="translate($label, 'abcdefghijklmnopqrstuvwxyz', '') = '.'">1</xsl:when>
                  <xsl:otherwise>0</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:call-template name="line">
                <xsl:with-param name="line" select="."/><xsl:with-param name="all" select="$all"/>
                <xsl:with-param name="left" select="1.5 * $lv"/><xsl:with-param name="hanging" select="1.5 * number($lv &gt; 0)"/>
                <xsl:with-param name="first" select="number($lv = 0)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="line">
                <xsl:with-param name="line" select="."/><xsl:with-param name="first" select="1"/><xsl:with-param name="all" select="$all"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Law lines: paragraphs (２　…) hang by one character, items (一　…) and sub-items (イ　…) indent. -->
  <xsl:template name="law-line">
    <xsl:param name="all"/>
    <xsl:variable name="first" select="substring(normalize-space(.), 1, 1)"/>
    <xsl:variable name="second" select="substring(normalize-space(.), 2, 1)"/>
    <xsl:variable name="left">
      <xsl:choose>
        <xsl:when test="$first != '' and contains('一二三四五六七八九十', $first) and not(starts-with(normalize-space(.), '第'))">2</xsl:when>
        <xsl:when test="$first != '' and contains('イロハニホヘトチリヌルヲワカヨタレソツネナラム', $first) and ($second = '　' or $second = ' ')">3</xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="line">
      <xsl:with-param name="line" select="."/><xsl:with-param name="left" select="$left"/><xsl:with-param name="hanging" select="1"/>
      <xsl:with-param name="all" select="$all"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One line of a unit as a paragraph: the number (when given) and a full-width space first. -->
  <xsl:template name="line">
    <xsl:param name="line"/>
    <xsl:param name="num" select="''"/>
    <xsl:param name="num-u" select="false()"/>
    <xsl:param name="all" select="false()"/>
    <xsl:param name="left" select="0"/>
    <xsl:param name="hanging" select="0"/>
    <xsl:param name="first" select="0"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="CellText"/>
        <xsl:call-template name="ind">
          <xsl:with-param name="left" select="$left"/><xsl:with-param name="hanging" select="$hanging"/><xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </w:pPr>
      <xsl:if test="$num != ''">
        <xsl:call-template name="docx-run"><xsl:with-param name="text" select="$num"/><xsl:with-param name="underline" select="$num-u"/></xsl:call-template>
        <xsl:if test="$line">
          <xsl:call-template name="docx-run"><xsl:with-param name="text" select="'　'"/><xsl:with-param name="underline" select="$all"/></xsl:call-template>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates select="$line/node()" mode="docx-line"><xsl:with-param name="all" select="$all"/></xsl:apply-templates>
    </w:p>
  </xsl:template>

  <!-- Inline content of a line: ins/del underlined. -->
  <xsl:template match="d:ins | d:del" mode="docx-line">
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="string(.)"/><xsl:with-param name="underline" select="true()"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="text()" mode="docx-line">
    <xsl:param name="all" select="false()"/>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="string(.)"/><xsl:with-param name="underline" select="$all"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="docx-line">
    <xsl:param name="all" select="false()"/>
    <xsl:call-template name="docx-run"><xsl:with-param name="text" select="string(.)"/><xsl:with-param name="underline" select="$all"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
