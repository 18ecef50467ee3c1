<?xml version="1.0" encoding="UTF-8"?>
<!--
  delta-html.xsl: the NEW edition as a redline page, from a delta document (urn:guidekit:delta:1).
  One standalone HTML5 page: skip link, header (old → new edition, dates), summary of counts,
  list of changes, then every changed unit in order with insertions (underlined, green) and
  deletions (struck through, red) merged into the new text; unchanged runs collapsed to
  （変更のない項目 N 件）.

  Parameters:
    title  page title (default: "<new title> 変更箇所")
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="d exsl str">

  <xsl:include href="common-html.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:param name="title" select="''"/>
  <!-- On a published site: the pages of the same edition (publish passes them; empty: no links). -->
  <xsl:param name="home-href" select="''"/>
  <xsl:param name="edition-href" select="''"/>
  <xsl:param name="table-href" select="''"/>
  <xsl:param name="redline-href" select="''"/>
  <xsl:param name="notice-href" select="''"/>
  <!-- 'no': the footer names no input file (publish: no repository paths on public pages). -->
  <xsl:param name="show-files" select="'yes'"/>

  <!-- First appearance of a NEW path step opens a heading (see delta-table.xsl). -->
  <xsl:key name="step" match="d:unit[not(@change = 'removed')]/d:path/d:step"
           use="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>

  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''"><xsl:value-of select="normalize-space($title)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(normalize-space(/d:delta/d:new/d:title), ' 変更箇所')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <html lang="ja"><head><title>変更箇所</title></head>
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
          <xsl:call-template name="redline-css"/>
        </style>
      </head>
      <body class="sans">
        <xsl:text>&#10;</xsl:text>
        <a class="skip" href="#main">本文へ移動</a>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="site-nav">
          <xsl:with-param name="home" select="$home-href"/><xsl:with-param name="edition" select="$edition-href"/>
          <xsl:with-param name="table" select="$table-href"/><xsl:with-param name="redline" select="$redline-href"/>
          <xsl:with-param name="notice" select="$notice-href"/><xsl:with-param name="current" select="'redline'"/>
        </xsl:call-template>
        <header class="masthead">
          <div class="wrap">
            <p class="kicker">
              <xsl:choose>
                <xsl:when test="@kind = 'law'">法令の改正箇所</xsl:when>
                <xsl:when test="@kind = 'catalog'">カタログの改訂箇所</xsl:when>
                <xsl:otherwise>ガイドラインの改定箇所</xsl:otherwise>
              </xsl:choose>
            </p>
            <h1><xsl:if test="d:new/@status = 'draft'"><xsl:call-template name="draft-mark-html"/></xsl:if><xsl:value-of select="$page-title"/></h1>
            <xsl:if test="d:new/@status = 'draft'"><xsl:call-template name="draft-note-html"/></xsl:if>
            <div class="editions">
              <xsl:apply-templates select="d:old" mode="edition"><xsl:with-param name="label" select="'改正前'"/></xsl:apply-templates>
              <p class="arrow" aria-hidden="true">→</p>
              <xsl:apply-templates select="d:new" mode="edition"><xsl:with-param name="label" select="'改正後'"/></xsl:apply-templates>
            </div>
          </div>
        </header>
        <xsl:text>&#10;</xsl:text>
        <main id="main" class="wrap" tabindex="-1">
          <xsl:apply-templates select="d:summary"/>
          <xsl:call-template name="toc"/>
          <section class="body" aria-labelledby="h-body">
            <h2 id="h-body">変更箇所</h2>
            <p class="legend">
              <ins>挿入された文字</ins>
              <xsl:text> </xsl:text>
              <del>削除された文字</del>
            </p>
            <xsl:text>&#10;</xsl:text>
            <xsl:apply-templates select="d:unit | d:gap" mode="body"/>
            <xsl:if test="not(d:unit)"><p class="none"><xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.no-changes'"/></xsl:call-template></p></xsl:if>
          </section>
        </main>
        <xsl:text>&#10;</xsl:text>
        <footer class="wrap foot">
          <p>
            <xsl:value-of select="@generator"/>
            <xsl:if test="$show-files = 'yes'">
              <xsl:text> — </xsl:text>
              <xsl:value-of select="d:old/@file"/>
              <xsl:text> → </xsl:text>
              <xsl:value-of select="d:new/@file"/>
            </xsl:if>
          </p>
        </footer>
        <xsl:text>&#10;</xsl:text>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="d:old | d:new" mode="edition">
    <xsl:param name="label"/>
    <section class="edition" aria-label="{$label}">
      <p class="lbl"><xsl:value-of select="$label"/></p>
      <p class="et"><xsl:value-of select="normalize-space(d:title)"/></p>
      <ul class="facts">
        <li><span class="k"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.version'"/></xsl:call-template></span><code><xsl:value-of select="@version"/></code></li>
        <xsl:if test="@issued">
          <li><span class="k"><xsl:call-template name="term"><xsl:with-param name="id" select="concat(substring('law.', 1, 4 * number(/d:delta/@kind = 'law')), 'date.issued', substring('.after', 1, 6 * number(/d:delta/@kind = 'law')))"/></xsl:call-template></span><xsl:call-template name="date-both"><xsl:with-param name="date" select="@issued"/></xsl:call-template></li>
        </xsl:if>
        <xsl:if test="@effective">
          <li><span class="k"><xsl:call-template name="term"><xsl:with-param name="id" select="concat(substring('law.', 1, 4 * number(/d:delta/@kind = 'law')), 'date.effective', substring('.after', 1, 6 * number(/d:delta/@kind = 'law')))"/></xsl:call-template></span><xsl:call-template name="date-both"><xsl:with-param name="date" select="@effective"/></xsl:call-template></li>
        </xsl:if>
        <xsl:if test="@issuer">
          <li><span class="k"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.issuer'"/></xsl:call-template></span><xsl:value-of select="@issuer"/></li>
        </xsl:if>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="d:summary">
    <section class="summary" aria-labelledby="h-summary">
      <h2 id="h-summary">件数</h2>
      <table>
        <thead>
          <tr>
            <xsl:for-each select="@added | @removed | @modified | @moved | @renumbered | @citation | @unchanged">
              <th scope="col"><xsl:call-template name="term"><xsl:with-param name="id" select="concat('change.', local-name())"/></xsl:call-template></th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="added"><xsl:value-of select="@added"/></td>
            <td class="removed"><xsl:value-of select="@removed"/></td>
            <td class="modified"><xsl:value-of select="@modified"/></td>
            <td class="moved"><xsl:value-of select="@moved"/></td>
            <td class="renumbered"><xsl:value-of select="@renumbered"/></td>
            <td class="citation"><xsl:value-of select="number(concat('0', @citation))"/></td>
            <td class="unchanged"><xsl:value-of select="@unchanged"/></td>
          </tr>
        </tbody>
      </table>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- List of changes, linking to each unit. Long lists start folded. -->
  <xsl:template name="toc">
    <xsl:variable name="units" select="d:unit"/>
    <xsl:if test="$units">
      <nav class="toc" aria-labelledby="h-toc">
        <h2 id="h-toc">変更一覧<span class="count"><xsl:value-of select="concat('（', count($units), ' 件）')"/></span></h2>
        <details>
          <xsl:if test="count($units) &lt;= 120"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
          <summary>一覧を表示</summary>
          <ol>
            <xsl:for-each select="$units">
              <li>
                <span class="{concat('badge ', @change)}"><xsl:call-template name="change-label"/></span>
                <xsl:text> </xsl:text>
                <a>
                  <xsl:attribute name="href">#<xsl:call-template name="anchor"/></xsl:attribute>
                  <xsl:call-template name="unit-name"/>
                </a>
              </li>
              <xsl:text>&#10;</xsl:text>
            </xsl:for-each>
          </ol>
        </details>
      </nav>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- "(1) 見出し" / "第十四条（見出し）" / "AC-1 Policy and Procedures" -->
  <xsl:template name="unit-name">
    <xsl:variable name="num" select="(@num | @old-num)[1]"/>
    <xsl:value-of select="$num"/>
    <xsl:if test="d:title">
      <xsl:if test="$num"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="normalize-space(d:title)"/>
    </xsl:if>
    <xsl:if test="not($num) and not(d:title)"><xsl:value-of select="@id"/></xsl:if>
  </xsl:template>

  <xsl:template match="d:gap" mode="body">
    <p class="gap"><xsl:value-of select="concat('（変更のない項目 ', @count, ' 件）')"/></p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="d:unit" mode="body">
    <xsl:variable name="c" select="@change"/>
    <xsl:variable name="depth" select="count(d:path/d:step)"/>
    <xsl:if test="$c != 'removed'">
      <xsl:variable name="prev-id" select="string((preceding-sibling::*[1])[self::d:unit]/@id)"/>
      <xsl:for-each select="d:path/d:step">
        <xsl:variable name="k" select="concat(count(preceding-sibling::d:step), '|', @id, '|', normalize-space(.))"/>
        <xsl:if test="generate-id(.) = generate-id(key('step', $k)[1]) and not(@id != '' and @id = $prev-id)">
          <xsl:variable name="level" select="3 + count(preceding-sibling::d:step)"/>
          <xsl:element name="{concat('h', $level - number($level &gt; 5) * ($level - 5))}">
            <xsl:attribute name="class"><xsl:value-of select="concat('path d', $level - 3)"/></xsl:attribute>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:element>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:variable name="hl" select="3 + $depth - number(3 + $depth &gt; 6) * ($depth - 3)"/>
    <article class="{concat('unit ', $c)}">
      <xsl:attribute name="id"><xsl:call-template name="anchor"/></xsl:attribute>
      <xsl:variable name="num-html">
        <xsl:choose>
          <xsl:when test="@num and @old-num and @num != @old-num">
            <span class="num"><del><xsl:value-of select="@old-num"/></del><xsl:text> </xsl:text><ins><xsl:value-of select="@num"/></ins></span>
          </xsl:when>
          <xsl:when test="$c = 'removed'"><span class="num"><del><xsl:value-of select="@old-num"/></del></span></xsl:when>
          <xsl:when test="$c = 'added'"><span class="num"><ins><xsl:value-of select="@num"/></ins></span></xsl:when>
          <xsl:when test="@num"><span class="num"><xsl:value-of select="@num"/></span></xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="badge">
        <span class="{concat('badge ', $c)}"><xsl:call-template name="change-label"/></span>
      </xsl:variable>
      <xsl:call-template name="redline">
        <xsl:with-param name="hl" select="$hl"/>
        <xsl:with-param name="num-html" select="$num-html"/>
        <xsl:with-param name="badge" select="$badge"/>
      </xsl:call-template>
    </article>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Notes under a unit's heading: old place, relations, withdrawal. -->
  <xsl:template name="unit-notes">
    <xsl:variable name="c" select="@change"/>
    <xsl:if test="(@moved = 'true' or $c = 'moved') and d:old-path/d:step">
      <p class="meta">
        <xsl:text>移動前：</xsl:text>
        <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:old-path/d:step"/></xsl:call-template>
      </p>
    </xsl:if>
    <xsl:if test="$c = 'removed' and d:path/d:step">
      <p class="meta">
        <xsl:text>削除前の位置：</xsl:text>
        <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
      </p>
    </xsl:if>
    <xsl:if test="@old-id and @old-id != @id">
      <p class="meta">旧 ID：<code><xsl:value-of select="@old-id"/></code></p>
    </xsl:if>
    <xsl:call-template name="relation-notes"/>
  </xsl:template>

  <!--
    The unit's text as a redline. Added/removed/moved/renumbered units show one side. A modified
    unit merges both sides: its equal text is the same in OLD and NEW, so each deletion is placed
    in NEW's text at its offset counted in equal characters (an old line deleted whole becomes a
    paragraph of its own before the new line at that offset).
  -->
  <xsl:template name="redline">
    <xsl:param name="hl"/>
    <xsl:param name="num-html"/>
    <xsl:param name="badge"/>
    <xsl:variable name="unit" select="."/>
    <xsl:variable name="c" select="@change"/>
    <xsl:variable name="titled" select="boolean(d:title)"/>
    <xsl:choose>
      <xsl:when test="$c = 'modified' and d:old and d:new">
        <!-- Both sides as lines (ln: l index, o/e offsets) of tokens (t: k = t equal, d deleted,
             i inserted; o offset in equal characters). -->
        <xsl:variable name="rtf">
          <xsl:call-template name="tokenize">
            <xsl:with-param name="set" select="d:old/d:line"/>
            <xsl:with-param name="s" select="'o'"/>
          </xsl:call-template>
          <xsl:call-template name="tokenize">
            <xsl:with-param name="set" select="d:new/d:line"/>
            <xsl:with-param name="s" select="'n'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="lines" select="exsl:node-set($rtf)/ln"/>
        <xsl:variable name="news" select="$lines[@s = 'n']"/>
        <!-- Each deletion goes to a NEW line that reaches its offset: the last such line at or
             before its old line number, else the first. An old line deleted whole becomes a
             paragraph before or after that line; inside it, it stays inline. To find the lines
             without a scan per deletion, lines and deletions are sorted by offset (lines first):
             the lines just before a deletion are the ones that reach it. -->
        <xsl:variable name="order-rtf">
          <!-- (one path, no union: merging two large node-sets is quadratic in libxml2) -->
          <xsl:for-each select="exsl:node-set($rtf)//*[self::ln[@s = 'n'] or self::t[@k = 'd'][../@s = 'o']]">
            <xsl:sort select="@o" data-type="number"/>
            <xsl:sort select="number(boolean(self::t))" data-type="number"/>
            <xsl:choose>
              <xsl:when test="self::ln"><n l="{@l}" o="{@o}" e="{@e}"/></xsl:when>
              <xsl:otherwise><x o="{@o}" k="{../@l}" w="{../@w}"><xsl:value-of select="."/></x></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="placed-rtf">
          <xsl:for-each select="exsl:node-set($order-rtf)/x">
            <xsl:variable name="o" select="number(@o)"/>
            <xsl:variable name="k" select="number(@k)"/>
            <!-- "l o e" of the target line -->
            <xsl:variable name="target">
              <xsl:call-template name="pick-line">
                <xsl:with-param name="line" select="preceding-sibling::n[1]"/>
                <xsl:with-param name="k" select="$k"/>
                <xsl:with-param name="o" select="$o"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:variable name="target-l" select="number(substring-before($target, ' '))"/>
            <xsl:variable name="target-o" select="number(substring-before(substring-after($target, ' '), ' '))"/>
            <xsl:variable name="target-e" select="number(substring-after(substring-after($target, ' '), ' '))"/>
            <x j="{$target-l}" o="{$o}">
              <xsl:attribute name="m">
                <xsl:choose>
                  <xsl:when test="not(@w = '1')">in</xsl:when>
                  <xsl:when test="$o = $target-o and $target-l = 1 and $titled">
                    <xsl:choose>
                      <xsl:when test="$k = 1">in</xsl:when>
                      <xsl:otherwise>after</xsl:otherwise>
                    </xsl:choose>
                  </xsl:when>
                  <xsl:when test="$o = $target-o">before</xsl:when>
                  <xsl:when test="$o = $target-e">after</xsl:when>
                  <xsl:otherwise>in</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:value-of select="."/>
            </x>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="placed-root" select="exsl:node-set($placed-rtf)"/>
        <xsl:for-each select="$news">
          <xsl:variable name="j" select="string(@l)"/>
          <xsl:variable name="line" select="."/>
          <!-- key() looks in the context node's document: step into the placed deletions. -->
          <xsl:for-each select="$placed-root">
            <xsl:variable name="mine" select="key('placed', $j)"/>
            <xsl:for-each select="$line">
              <xsl:variable name="inline" select="$mine[@m = 'in']"/>
              <xsl:variable name="blocks">
                <xsl:for-each select="$mine[@m = 'before']">
                  <p class="l gone"><del><xsl:value-of select="."/></del></p>
                </xsl:for-each>
              </xsl:variable>
              <xsl:variable name="content">
                <xsl:for-each select="t">
                  <xsl:call-template name="merge-token">
                    <xsl:with-param name="inline" select="$inline"/>
                  </xsl:call-template>
                </xsl:for-each>
                <!-- Deletions at the end of the line (or in a line without equal text). -->
                <xsl:if test="not(t[last()][@k = 'i'])">
                  <xsl:for-each select="$inline[@o = current()/@e]">
                    <del><xsl:value-of select="."/></del>
                  </xsl:for-each>
                </xsl:if>
              </xsl:variable>
              <xsl:call-template name="line-block">
                <xsl:with-param name="unit" select="$unit"/>
                <xsl:with-param name="index" select="number($j)"/>
                <xsl:with-param name="titled" select="$titled"/>
                <xsl:with-param name="hl" select="$hl"/>
                <xsl:with-param name="num-html" select="$num-html"/>
                <xsl:with-param name="badge" select="$badge"/>
                <xsl:with-param name="content" select="$content"/>
                <xsl:with-param name="blocks" select="$blocks"/>
              </xsl:call-template>
              <xsl:for-each select="$mine[@m = 'after']">
                <p class="l gone"><del><xsl:value-of select="."/></del></p>
              </xsl:for-each>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:if test="not($news)">
          <xsl:call-template name="line-block">
            <xsl:with-param name="unit" select="$unit"/>
            <xsl:with-param name="index" select="0"/>
            <xsl:with-param name="hl" select="$hl"/>
            <xsl:with-param name="num-html" select="$num-html"/>
            <xsl:with-param name="badge" select="$badge"/>
          </xsl:call-template>
          <xsl:for-each select="$lines[@s = 'o'][t[@k = 'd']]">
            <p class="l gone"><del><xsl:value-of select="."/></del></p>
          </xsl:for-each>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!-- One side: NEW (added, moved, renumbered) or OLD (removed). -->
        <xsl:variable name="lines" select="(d:new[not($c = 'removed')] | d:old[$c = 'removed' or not(../d:new)])[1]/d:line"/>
        <xsl:for-each select="$lines">
          <xsl:variable name="content">
            <xsl:choose>
              <xsl:when test="$c = 'added'"><ins><xsl:value-of select="."/></ins></xsl:when>
              <xsl:when test="$c = 'removed'"><del><xsl:value-of select="."/></del></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="node()" mode="inline"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:call-template name="line-block">
            <xsl:with-param name="unit" select="$unit"/>
            <xsl:with-param name="index" select="position()"/>
            <xsl:with-param name="titled" select="$titled"/>
            <xsl:with-param name="hl" select="$hl"/>
            <xsl:with-param name="num-html" select="$num-html"/>
            <xsl:with-param name="badge" select="$badge"/>
            <xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="not($lines)">
          <xsl:call-template name="line-block">
            <xsl:with-param name="unit" select="$unit"/>
            <xsl:with-param name="index" select="0"/>
            <xsl:with-param name="hl" select="$hl"/>
            <xsl:with-param name="num-html" select="$num-html"/>
            <xsl:with-param name="badge" select="$badge"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ln/t elements for lines $set of side $s; $base = equal characters before $set. Halves the
       set until it is small: cost n log n, recursion depth log n. -->
  <xsl:template name="tokenize">
    <xsl:param name="set"/>
    <xsl:param name="s"/>
    <xsl:param name="base" select="0"/>
    <xsl:param name="first" select="1"/>
    <xsl:variable name="n" select="count($set)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 8">
        <xsl:variable name="h" select="floor($n div 2)"/>
        <xsl:call-template name="tokenize">
          <xsl:with-param name="set" select="$set[position() &lt;= $h]"/>
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
        <xsl:call-template name="tokenize">
          <xsl:with-param name="set" select="$set[position() &gt; $h]"/>
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="base" select="$base + string-length(str:concat($set[position() &lt;= $h]/text()))"/>
          <xsl:with-param name="first" select="$first + $h"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$set">
          <xsl:variable name="p" select="position()"/>
          <xsl:variable name="lo" select="$base + string-length(str:concat($set[position() &lt; $p]/text()))"/>
          <ln s="{$s}" l="{$first + $p - 1}" o="{$lo}" e="{$lo + string-length(str:concat(text()))}">
            <xsl:if test="$s = 'o' and node() and count(d:del) = count(node())">
              <xsl:attribute name="w">1</xsl:attribute>
            </xsl:if>
            <xsl:for-each select="node()">
              <t s="{$s}" o="{$lo + string-length(str:concat(preceding-sibling::text()))}" n="{string-length(.)}">
                <xsl:attribute name="k">
                  <xsl:choose>
                    <xsl:when test="self::d:del">d</xsl:when>
                    <xsl:when test="self::d:ins">i</xsl:when>
                    <xsl:otherwise>t</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:value-of select="."/>
              </t>
            </xsl:for-each>
          </ln>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Deletions placed in NEW lines (result tree fragment of the redline merge). -->
  <xsl:key name="placed" match="x[@j]" use="@j"/>

  <!-- "l o e" of the line for a deletion at offset $o from old line $k: starting at $line (the last NEW
       line starting at or before $o), walk back over the lines that also reach $o to the last
       one numbered at most $k, or to the first of them. -->
  <xsl:template name="pick-line">
    <xsl:param name="line"/>
    <xsl:param name="k"/>
    <xsl:param name="o"/>
    <xsl:param name="steps" select="0"/>
    <xsl:variable name="prev" select="$line/preceding-sibling::n[1]"/>
    <xsl:choose>
      <xsl:when test="$line/@l &lt;= $k or not($prev) or $prev/@e &lt; $o or $steps &gt; 200">
        <xsl:value-of select="concat($line/@l, ' ', $line/@o, ' ', $line/@e)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pick-line">
          <xsl:with-param name="line" select="$prev"/>
          <xsl:with-param name="k" select="$k"/>
          <xsl:with-param name="o" select="$o"/>
          <xsl:with-param name="steps" select="$steps + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One NEW token, with the deletions placed in its line that stand before or inside it. -->
  <xsl:template name="merge-token">
    <xsl:param name="inline"/>
    <xsl:variable name="o" select="number(@o)"/>
    <!-- Deletions at this offset come before the first token there (an insertion's, too). -->
    <xsl:if test="not((preceding-sibling::t[1])[@k = 'i'])">
      <xsl:for-each select="$inline[@o = $o]">
        <del><xsl:value-of select="."/></del>
      </xsl:for-each>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@k = 'i'">
        <ins><xsl:value-of select="."/></ins>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="e" select="$o + number(@n)"/>
        <xsl:variable name="text" select="string(.)"/>
        <xsl:variable name="inner" select="$inline[@o &gt; $o][@o &lt; $e]"/>
        <xsl:choose>
          <xsl:when test="not($inner)"><xsl:value-of select="$text"/></xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$inner">
              <xsl:variable name="p" select="position()"/>
              <xsl:variable name="from">
                <xsl:choose>
                  <xsl:when test="$p = 1"><xsl:value-of select="$o"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$inner[$p - 1]/@o"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:value-of select="substring($text, $from - $o + 1, @o - $from)"/>
              <del><xsl:value-of select="."/></del>
            </xsl:for-each>
            <xsl:value-of select="substring($text, $inner[last()]/@o - $o + 1)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Line 1 of a titled unit is its heading; other lines are paragraphs. -->
  <xsl:template name="line-block">
    <xsl:param name="unit"/>
    <xsl:param name="index"/>
    <xsl:param name="titled" select="false()"/>
    <xsl:param name="hl"/>
    <xsl:param name="num-html"/>
    <xsl:param name="badge"/>
    <xsl:param name="content"/>
    <xsl:param name="blocks"/>
    <xsl:variable name="law" select="$unit/@type = 'article' or $unit/@type = 'supplement'"/>
    <xsl:if test="$index &lt;= 1">
      <xsl:element name="{concat('h', $hl)}">
        <xsl:attribute name="class">uh</xsl:attribute>
        <xsl:copy-of select="$num-html"/>
        <xsl:if test="$titled and $index = 1">
          <xsl:text> </xsl:text>
          <span class="ut"><xsl:copy-of select="$content"/></span>
        </xsl:if>
        <xsl:text> </xsl:text>
        <xsl:copy-of select="$badge"/>
      </xsl:element>
      <xsl:for-each select="$unit"><xsl:call-template name="unit-notes"/></xsl:for-each>
    </xsl:if>
    <xsl:copy-of select="$blocks"/>
    <xsl:if test="$index &gt;= 1 and not($titled and $index = 1)">
      <p>
        <xsl:attribute name="class">
          <xsl:choose>
            <xsl:when test="$law">l law</xsl:when>
            <xsl:otherwise>l</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:copy-of select="$content"/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="redline-css">
    <xsl:text>
@page{size:A4;margin:15mm}
body{font-size:16px;color:#1a1a1a}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.masthead{border-bottom:1px solid #d0d7de;background:#f6f8fa;padding:1.2rem 0 1rem}
.kicker{margin:0;color:#57606a;font-size:.85rem}
h1{font-size:1.5rem;line-height:1.45;margin:.2rem 0 .8rem}
.editions{display:grid;grid-template-columns:1fr auto 1fr;gap:.6rem;align-items:stretch}
.edition{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem}
.edition .lbl{margin:0;font-size:.8rem;color:#57606a}
.edition .et{margin:.1rem 0 .3rem;font-weight:600;line-height:1.5}
.facts{list-style:none;margin:0;padding:0;font-size:.85rem;color:#333}
.facts .k{display:inline-block;min-width:2.5em;color:#57606a;margin-right:.4em}
.arrow{align-self:center;margin:0;font-size:1.4rem;color:#57606a}
main{padding-top:.5rem;padding-bottom:3rem}
main:focus{outline:none}
h2{font-size:1.2rem;margin:1.8rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid #d0d7de}
h2 .count{font-size:.85rem;font-weight:normal;color:#57606a;margin-left:.3em}
.summary table{border-collapse:collapse;width:100%;max-width:40rem;table-layout:fixed}
.summary th,.summary td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:center}
.summary th{background:#f6f8fa;font-weight:600;font-size:.9rem}
.summary td{font-variant-numeric:tabular-nums;font-size:1.1rem}
.toc details summary{cursor:pointer;color:#0969da;margin-bottom:.3rem}
.toc ol{margin:0;padding-left:2.2em;columns:2 22rem;column-gap:2rem}
.toc li{break-inside:avoid;margin:.1rem 0;line-height:1.5}
.toc a{color:#0969da}
.badge{display:inline-block;font-size:.72rem;font-weight:600;line-height:1.5;padding:0 .45em;border-radius:1em;border:1px solid currentColor;white-space:nowrap;vertical-align:.1em}
.badge.added{color:#116329;background:#dafbe1}
.badge.removed{color:#a40e26;background:#ffebe9}
.badge.modified{color:#6a4a00;background:#fff8c5}
.badge.moved{color:#0550ae;background:#ddf4ff}
.badge.renumbered{color:#6e40c9;background:#fbefff}
.badge.citation{color:#7d4e00;background:#fff1e5}
.refs{margin:.1rem 0 .3rem;padding-left:1.2em;font-size:.82rem;color:#57606a}
.legend{font-size:.85rem;color:#57606a}
.legend ins,.legend del{margin-right:.6em}
h3.path,h4.path,h5.path{margin:1.8rem 0 .4rem;font-size:1.05rem;color:#24292f;border-left:4px solid #8c959f;padding-left:.5rem}
.path.d1,.path.d2{font-size:1rem;border-left-color:#d0d7de}
.unit{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem .7rem;margin:.6rem 0;background:#fff}
.unit:target{outline:3px solid #0969da;outline-offset:2px}
.uh{font-size:1rem;margin:.2rem 0 .4rem;line-height:1.6}
.uh .num{margin-right:.1em;font-feature-settings:"palt"}
.meta,.rel{margin:.1rem 0 .3rem;font-size:.82rem;color:#57606a}
.l{margin:.25rem 0;line-height:1.9}
.l.law{padding-left:1em;text-indent:-1em}
.l.gone{opacity:.95}
ins{text-decoration:underline;text-decoration-color:#1a7f37;text-underline-offset:.2em;background:#dafbe1;color:#0f3d1c}
del{text-decoration:line-through;text-decoration-color:#a40e26;background:#ffebe9;color:#6e0b17}
del+ins{margin-left:.2em}
.gap{margin:.6rem 0;padding:.3rem .8rem;color:#57606a;font-size:.9rem;border:1px dashed #d0d7de;border-radius:6px;text-align:center}
.none{color:#57606a}
.foot{color:#57606a;font-size:.75rem;padding-bottom:2rem;overflow-wrap:anywhere}
@media (max-width:640px){
  body{font-size:15px}
  h1{font-size:1.25rem}
  .editions{grid-template-columns:1fr}
  .arrow{transform:rotate(90deg);justify-self:center;line-height:1}
  .unit{padding:.4rem .7rem .6rem}
  .toc ol{columns:1}
}
@media print{
  body{font-size:10pt}
  .skip,.toc details summary{display:none}
  .masthead{background:none;border-bottom:1px solid #000}
  .unit{break-inside:avoid-page;border-color:#999}
  .toc ol{columns:2}
  a{color:inherit;text-decoration:none}
  ins{background:none;color:#000}
  del{background:none;color:#000}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
