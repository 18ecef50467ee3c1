<?xml version="1.0" encoding="UTF-8"?>
<!--
  delta-table.xsl: the 新旧対照表 (comparison table of a revision) of a delta document
  (urn:guidekit:delta:1), as one standalone HTML5 page for screen and print.

  改正後 (NEW) left, 改正前 (OLD) right, one row per changed unit; changed spans underlined (傍線);
  added unit → （新設） on the right; removed unit → （削除） on the left; each gap → （略） in both
  columns; renumbered → both numbers underlined; moved → old place noted on the right;
  withdrawn control → successors noted on the left. Chapter/section headings become heading rows
  where they first appear.

  Parameters:
    title  page title (default: "<new title> 新旧対照表")
    paper  landscape (default) | portrait  (A4 print layout)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    exclude-result-prefixes="d">

  <xsl:include href="common-html.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="paper" select="'landscape'"/>
  <!-- On a published site: the pages of the same edition (publish passes them; empty: no links). -->
  <xsl:param name="home-href" select="''"/>
  <xsl:param name="edition-href" select="''"/>
  <xsl:param name="table-href" select="''"/>
  <xsl:param name="redline-href" select="''"/>
  <xsl:param name="notice-href" select="''"/>

  <!-- Path steps of units that stay in NEW, by depth|id|text: the first one opens a heading row. -->
  <xsl:key name="step" match="d:unit[not(@change = 'removed')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
  <!-- Steps of units in place whose old path differs: the heading was renamed. -->
  <xsl:key name="renamed"
           match="d:unit[d:old-path][not(@moved = 'true')][not(@change = 'removed' or @change = 'added')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
  <!-- Steps of units in place whose path is the same in OLD: the heading is unchanged. -->
  <xsl:key name="same"
           match="d:unit[not(d:old-path)][not(@moved = 'true')][not(@change = 'removed' or @change = 'added')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>

  <xsl:variable name="kind" select="/d:delta/@kind"/>
  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''"><xsl:value-of select="normalize-space($title)"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(normalize-space(/d:delta/d:new/d:title), ' 新旧対照表')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="orientation">
    <xsl:choose>
      <xsl:when test="$paper = 'portrait'">portrait</xsl:when>
      <xsl:otherwise>landscape</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <html lang="ja"><head><title>新旧対照表</title></head>
      <body><p>delta document (urn:guidekit:delta:1) expected</p></body></html>
  </xsl:template>

  <xsl:template match="d:delta">
    <html lang="ja">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{@generator}"/>
        <title><xsl:if test="d:new/@status = 'draft'"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:if><xsl:value-of select="$page-title"/></title>
        <style>
          <xsl:call-template name="base-css"/>
          <xsl:call-template name="table-css"/>
        </style>
      </head>
      <body class="serif">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="site-nav">
          <xsl:with-param name="home" select="$home-href"/><xsl:with-param name="edition" select="$edition-href"/>
          <xsl:with-param name="table" select="$table-href"/><xsl:with-param name="redline" select="$redline-href"/>
          <xsl:with-param name="notice" select="$notice-href"/><xsl:with-param name="current" select="'table'"/>
        </xsl:call-template>
        <main>
          <h1><xsl:if test="d:new/@status = 'draft'"><xsl:call-template name="draft-mark-html"/></xsl:if><xsl:value-of select="$page-title"/></h1>
          <xsl:if test="d:new/@status = 'draft'"><xsl:call-template name="draft-note-html"/></xsl:if>
          <xsl:text>&#10;</xsl:text>
          <p class="editions sans">
            <xsl:apply-templates select="d:new" mode="edition"><xsl:with-param name="label" select="'改正後'"/></xsl:apply-templates>
            <br/>
            <xsl:apply-templates select="d:old" mode="edition"><xsl:with-param name="label" select="'改正前'"/></xsl:apply-templates>
          </p>
          <xsl:text>&#10;</xsl:text>
          <p class="note">（傍線部分は改正部分）</p>
          <xsl:text>&#10;</xsl:text>
          <div class="frame">
            <table>
              <colgroup><col class="c-new"/><col class="c-old"/></colgroup>
              <thead><tr><th scope="col">改正後</th><th scope="col">改正前</th></tr></thead>
              <xsl:text>&#10;</xsl:text>
              <tbody>
                <xsl:apply-templates select="d:unit | d:gap" mode="row"/>
                <xsl:if test="not(d:unit)">
                  <tr class="none"><td data-label="改正後"><p class="mark">（改正なし）</p></td><td data-label="改正前"><p class="mark">（改正なし）</p></td></tr>
                </xsl:if>
              </tbody>
              <!-- Empty footer: in print it repeats and closes the table at the foot of each page. -->
              <tfoot><tr><td></td><td></td></tr></tfoot>
            </table>
          </div>
          <xsl:text>&#10;</xsl:text>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- 改正後：タイトル（5.0、令和3年5月31日施行） -->
  <xsl:template match="d:old | d:new" mode="edition">
    <xsl:param name="label"/>
    <span class="lbl"><xsl:value-of select="$label"/></span>
    <xsl:text>　</xsl:text>
    <xsl:value-of select="normalize-space(d:title)"/>
    <xsl:text>（</xsl:text>
    <!-- e-Gov revision ids (20250701_507AC…) say no more than the date in force. -->
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
  </xsl:template>

  <!-- （略） -->
  <xsl:template match="d:gap" mode="row">
    <tr class="gap" title="{concat('変更のない ', @count, ' 項目')}">
      <td data-label="改正後"><p class="ryaku">（略）</p></td>
      <td data-label="改正前"><p class="ryaku">（略）</p></td>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="d:unit" mode="row">
    <xsl:variable name="c" select="@change"/>
    <xsl:if test="$c != 'removed'">
      <xsl:variable name="prev-id" select="string((preceding-sibling::*[1])[self::d:unit]/@id)"/>
      <xsl:for-each select="d:path/d:step">
        <xsl:variable name="k" select="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
        <xsl:if test="generate-id(.) = generate-id(key('step', $k)[1]) and not(@id != '' and @id = $prev-id)">
          <xsl:call-template name="heading-row"><xsl:with-param name="k" select="$k"/></xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
    <!-- Rows short enough to move whole to the next page keep together in print; longer rows may
         break between lines (a column holds about 12 lines of 36 characters in A4 landscape). -->
    <xsl:variable name="size-old" select="string-length(normalize-space(d:old)) + 24 * count(d:old/d:line)"/>
    <xsl:variable name="size-new" select="string-length(normalize-space(d:new)) + 24 * count(d:new/d:line)"/>
    <tr>
      <xsl:attribute name="class">
        <xsl:value-of select="concat('unit ', $c)"/>
        <xsl:if test="$size-old &lt;= 450 and $size-new &lt;= 450"> keep</xsl:if>
      </xsl:attribute>
      <xsl:attribute name="id"><xsl:call-template name="anchor"/></xsl:attribute>
      <!-- 改正後 -->
      <td data-label="改正後">
        <xsl:choose>
          <xsl:when test="$c = 'removed' or not(d:new)">
            <p class="mark">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.removed'"/></xsl:call-template>）</p>
            <xsl:call-template name="relation-notes"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="$c = 'added'"><xsl:attribute name="class">all</xsl:attribute></xsl:if>
            <xsl:call-template name="relation-notes"/>
            <xsl:call-template name="unit-body">
              <xsl:with-param name="lines" select="d:new/d:line"/>
              <xsl:with-param name="num" select="string(@num)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <!-- 改正前 -->
      <td data-label="改正前">
        <xsl:choose>
          <xsl:when test="$c = 'added' or not(d:old)">
            <p class="mark">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.added'"/></xsl:call-template>）</p>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="$c = 'removed'"><xsl:attribute name="class">all</xsl:attribute></xsl:if>
            <xsl:call-template name="old-place"/>
            <xsl:call-template name="unit-body">
              <xsl:with-param name="lines" select="d:old/d:line"/>
              <xsl:with-param name="num" select="string(@old-num)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Where the unit stood in OLD, when that is not the heading above it. -->
  <xsl:template name="old-place">
    <xsl:choose>
      <xsl:when test="@change = 'removed'">
        <!-- Noted when it differs from the place of the unit above (NEW's, or OLD's if removed). -->
        <xsl:variable name="here" select="preceding-sibling::d:unit[1]"/>
        <xsl:variable name="mine">
          <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="theirs">
          <xsl:call-template name="path-text"><xsl:with-param name="steps" select="$here/d:path/d:step"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="d:path/d:step and $mine != $theirs">
          <p class="place"><xsl:value-of select="concat('（位置：', $mine, '）')"/></p>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@moved = 'true' or @change = 'moved'">
        <p class="place">
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
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A chapter/section heading: NEW text left, OLD text right (diffed), or （新設）. -->
  <xsl:template name="heading-row">
    <xsl:param name="k"/>
    <xsl:variable name="depth" select="count(preceding-sibling::d:step)"/>
    <xsl:variable name="new-text" select="normalize-space(.)"/>
    <xsl:variable name="renamed" select="key('renamed', $k)[1]"/>
    <xsl:variable name="renamed-old" select="$renamed/../../d:old-path/d:step"/>
    <xsl:variable name="group" select="key('step', $k)"/>
    <xsl:variable name="status">
      <xsl:choose>
        <!-- The delta says whether OLD had this heading (by id), and its text there. -->
        <xsl:when test="@new = 'true'">new</xsl:when>
        <xsl:when test="@old and normalize-space(@old) != $new-text">renamed</xsl:when>
        <xsl:when test="@old">same</xsl:when>
        <xsl:when test="key('same', $k)">same</xsl:when>
        <xsl:when test="$renamed and count($renamed-old) = count($renamed/../d:step)">renamed</xsl:when>
        <xsl:when test="$renamed">same</xsl:when>
        <!-- Only added or moved-in units, and no unchanged units among them: a new heading. -->
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
    <tr class="{concat('heading d', $depth)}">
      <td data-label="改正後">
        <p class="h">
          <xsl:choose>
            <xsl:when test="$status = 'new'"><span class="u"><xsl:value-of select="$new-text"/></span></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="mark-diff">
                <xsl:with-param name="a" select="$new-text"/>
                <xsl:with-param name="b" select="$old-text"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </td>
      <td data-label="改正前">
        <xsl:choose>
          <xsl:when test="$status = 'new'"><p class="mark">（<xsl:call-template name="term"><xsl:with-param name="id" select="'change.added'"/></xsl:call-template>）</p></xsl:when>
          <xsl:otherwise>
            <p class="h">
              <xsl:call-template name="mark-diff">
                <xsl:with-param name="a" select="$old-text"/>
                <xsl:with-param name="b" select="$new-text"/>
              </xsl:call-template>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- $a with the part that differs from $b underlined (common prefix and suffix kept plain). -->
  <xsl:template name="mark-diff">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$a = $b"><xsl:value-of select="$a"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p0">
          <xsl:call-template name="common-prefix">
            <xsl:with-param name="a" select="$a"/>
            <xsl:with-param name="b" select="$b"/>
          </xsl:call-template>
        </xsl:variable>
        <!-- Snap back to a phrase boundary so that the underline covers whole phrases. -->
        <xsl:variable name="p">
          <xsl:call-template name="snap-prefix">
            <xsl:with-param name="s" select="$a"/>
            <xsl:with-param name="n" select="number($p0)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="la" select="string-length($a)"/>
        <xsl:variable name="lb" select="string-length($b)"/>
        <xsl:variable name="s0">
          <xsl:call-template name="common-suffix">
            <xsl:with-param name="a" select="substring($a, $p + 1)"/>
            <xsl:with-param name="b" select="substring($b, $p + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="s">
          <xsl:call-template name="snap-suffix">
            <xsl:with-param name="s" select="$a"/>
            <xsl:with-param name="n" select="number($s0)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="substring($a, 1, $p)"/>
        <xsl:if test="$la - $p - $s &gt; 0">
          <span class="u"><xsl:value-of select="substring($a, $p + 1, $la - $p - $s)"/></span>
        </xsl:if>
        <xsl:value-of select="substring($a, $la - $s + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="boundary" select="' 　、。，．・「」『』（）()［］[]〔〕【】：:；;/／-‐'"/>

  <!-- Largest n' <= n such that $s[1..n'] ends with a boundary character (or is empty). -->
  <xsl:template name="snap-prefix">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $n &gt;= string-length($s)"><xsl:value-of select="$n"/></xsl:when>
      <xsl:when test="contains($boundary, substring($s, $n, 1))">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="snap-prefix">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Largest n' <= n such that the last n' characters of $s start with a boundary character. -->
  <xsl:template name="snap-suffix">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:variable name="l" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $n &gt;= $l"><xsl:value-of select="$n"/></xsl:when>
      <xsl:when test="contains($boundary, substring($s, $l - $n + 1, 1))">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="snap-suffix">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="common-prefix">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="i" select="0"/>
    <xsl:choose>
      <xsl:when test="$i &lt; string-length($a) and $i &lt; string-length($b) and substring($a, $i + 1, 1) = substring($b, $i + 1, 1) and $i &lt; 500">
        <xsl:call-template name="common-prefix">
          <xsl:with-param name="a" select="$a"/>
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
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
        <xsl:call-template name="common-suffix">
          <xsl:with-param name="a" select="$a"/>
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$i"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One side of a unit: number (underlined when renumbered), caption and lines. -->
  <xsl:template name="unit-body">
    <xsl:param name="lines"/>
    <xsl:param name="num"/>
    <xsl:variable name="type" select="@type"/>
    <xsl:variable name="titled" select="boolean(d:title)"/>
    <xsl:variable name="num-changed" select="@num and @old-num and @num != @old-num"/>
    <xsl:variable name="num-html">
      <xsl:if test="$num != ''">
        <span>
          <xsl:attribute name="class">
            <xsl:text>num</xsl:text>
            <xsl:if test="$num-changed"> u</xsl:if>
          </xsl:attribute>
          <xsl:value-of select="$num"/>
        </span>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <!-- Law article: （見出し） on its own line, then 第十条　本文 -->
      <xsl:when test="$type = 'article'">
        <xsl:if test="$titled and $lines[1]">
          <p class="l caption"><xsl:apply-templates select="$lines[1]/node()" mode="inline"/></p>
        </xsl:if>
        <xsl:variable name="body" select="$lines[position() &gt; number($titled)]"/>
        <p class="l para">
          <xsl:copy-of select="$num-html"/>
          <xsl:if test="$num != '' and $body">　</xsl:if>
          <xsl:apply-templates select="$body[1]/node()" mode="inline"/>
        </p>
        <xsl:apply-templates select="$body[position() &gt; 1]" mode="law-line"/>
      </xsl:when>
      <!-- Supplementary provisions: 附　則（令和…法律第…号） -->
      <xsl:when test="$type = 'supplement'">
        <p class="l supp">
          <xsl:copy-of select="$num-html"/>
          <xsl:if test="$titled and $lines[1]">
            <xsl:text>（</xsl:text>
            <xsl:apply-templates select="$lines[1]/node()" mode="inline"/>
            <xsl:text>）</xsl:text>
          </xsl:if>
        </p>
        <xsl:apply-templates select="$lines[position() &gt; number($titled)]" mode="law-line"/>
      </xsl:when>
      <!-- Guideline clause or control: (1)　見出し, then the text. -->
      <xsl:otherwise>
        <p class="l head">
          <xsl:copy-of select="$num-html"/>
          <xsl:if test="$num != '' and $lines">　</xsl:if>
          <xsl:apply-templates select="$lines[1]/node()" mode="inline"/>
        </p>
        <xsl:choose>
          <xsl:when test="$type = 'control'">
            <xsl:apply-templates select="$lines[position() &gt; 1]" mode="control-line"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$lines[position() &gt; 1]">
              <p class="l body"><xsl:apply-templates select="node()" mode="inline"/></p>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Law lines: paragraphs (２　…) hang by one character, items (一　…) and sub-items (イ　…) indent. -->
  <xsl:template match="d:line" mode="law-line">
    <xsl:variable name="first" select="substring(normalize-space(.), 1, 1)"/>
    <xsl:variable name="second" select="substring(normalize-space(.), 2, 1)"/>
    <p>
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$first != '' and contains('一二三四五六七八九十', $first) and not(starts-with(normalize-space(.), '第'))">l item</xsl:when>
          <xsl:when test="$first != '' and contains('イロハニホヘトチリヌルヲワカヨタレソツネナラム', $first) and ($second = '　' or $second = ' ')">l subitem</xsl:when>
          <xsl:otherwise>l para</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="node()" mode="inline"/>
    </p>
  </xsl:template>

  <!-- OSCAL statement lines: a.　 / 1.　 / (a)　 labels indent by level. -->
  <xsl:template match="d:line" mode="control-line">
    <xsl:variable name="label" select="substring-before(substring(string(.), 1, 8), '　')"/>
    <p>
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$label = ''">l body</xsl:when>
          <xsl:when test="starts-with($label, '(')">l lv3</xsl:when>
          <xsl:when test="translate($label, '0123456789', '') = '.'">l lv2</xsl:when>
          <xsl:when test="translate($label, 'abcdefghijklmnopqrstuvwxyz', '') = '.'">l lv1</xsl:when>
          <xsl:otherwise>l body</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="node()" mode="inline"/>
    </p>
  </xsl:template>

  <xsl:template name="table-css">
    <xsl:text>
@page{size:A4 </xsl:text><xsl:value-of select="$orientation"/><xsl:text>;margin:15mm}
body{font-size:15px;padding:24px 16px 48px}
main{max-width:</xsl:text><xsl:choose><xsl:when test="$orientation = 'portrait'">900px</xsl:when><xsl:otherwise>1280px</xsl:otherwise></xsl:choose><xsl:text>;margin:0 auto}
h1{font-size:1.35em;font-weight:normal;text-align:center;letter-spacing:.05em;margin:0 0 .6em;line-height:1.5}
.editions{font-size:.8em;color:#444;margin:0 0 1em;line-height:1.6}
.editions .lbl{display:inline-block;border:1px solid #888;padding:0 .35em;margin-right:.2em;line-height:1.4}
.note{text-align:right;margin:0 0 .25em}
.frame{overflow-x:auto}
table{width:100%;border-collapse:collapse;table-layout:fixed;border:1px solid #000}
col.c-new,col.c-old{width:50%}
thead{display:table-header-group}
th{font-weight:normal;text-align:center;letter-spacing:1em;text-indent:1em;padding:.35em .5em;border:1px solid #000}
td{vertical-align:top;padding:.6em .9em .6em;border-left:1px solid #000;border-right:1px solid #000}
tbody tr.keep,tbody tr.gap,tbody tr.heading{break-inside:avoid;page-break-inside:avoid}
tbody tr.heading{break-after:avoid;page-break-after:avoid}
tbody tr:last-child td{padding-bottom:1.2em}
tfoot{display:table-footer-group}
tfoot td{padding:0;height:0;border:0;border-top:1px solid #000}
p{margin:0;orphans:2;widows:2}
.l{padding-left:1em;text-indent:-1em}
.l.caption{padding-left:1em;text-indent:0}
.l.item{padding-left:2em;text-indent:-1em}
.l.subitem{padding-left:3em;text-indent:-1em}
.l.head{padding-left:0;text-indent:0}
.l.body{padding-left:0;text-indent:1em}
.l.supp{padding-left:3em;text-indent:0}
.l.lv1{padding-left:1.5em;text-indent:-1.5em}
.l.lv2{padding-left:3em;text-indent:-1.5em}
.l.lv3{padding-left:4.5em;text-indent:-1.5em}
tr.heading td{padding-top:.9em;padding-bottom:.2em}
tr.heading.d0 .h{padding-left:2em}
tr.heading.d1 .h{padding-left:3em}
tr.heading.d2 .h,tr.heading.d3 .h,tr.heading.d4 .h{padding-left:4em}
.mark,.ryaku{padding-left:1em}
tr.gap td{padding-top:.4em;padding-bottom:.4em}
.rel,.place,.refs{font-size:.85em;color:#333;margin-bottom:.2em}
.refs{margin-top:0;padding-left:1.2em}
ins,del,.u,.all .l{text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:.22em;text-decoration-skip-ink:none}
ins,del{color:inherit}
@media screen{
  ins,del,.u{background:#fff3c4}
  tr.unit:target td{background:#f3f7ff}
}
@media screen and (max-width:640px){
  body{font-size:15px;padding:16px 10px}
  h1{font-size:1.2em}
  table,thead,tbody,tr,th,td{display:block;width:100%}
  table{border:0}
  thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  tbody tr{border:1px solid #000;margin:0 0 .8em}
  tr.gap{border-style:dashed}
  td{border:0;padding:.5em .7em}
  td+td{border-top:1px dashed #999}
  tfoot{display:none}
  td::before{content:attr(data-label);display:block;font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",sans-serif;font-size:.75em;color:#555;letter-spacing:.3em;margin-bottom:.2em}
  tr.heading td,tr.gap td{display:flex;align-items:baseline;gap:.4em}
  tr.heading td::before,tr.gap td::before{flex:none;margin:0;min-width:4.5em}
  tr.heading .h{padding-left:0 !important}
}
@media print{
  body{font-size:</xsl:text><xsl:choose><xsl:when test="$orientation = 'portrait'">9.5pt</xsl:when><xsl:otherwise>10pt</xsl:otherwise></xsl:choose><xsl:text>;padding:0;color:#000}
  main{max-width:none}
  .frame{overflow:visible}
  .editions{color:#000}
  .rel,.place{color:#000}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
