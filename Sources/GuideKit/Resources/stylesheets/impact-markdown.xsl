<?xml version="1.0" encoding="UTF-8"?>
<!--
  impact-markdown.xsl: GitHub-flavoured Markdown of the impact report (urn:guidekit:impact:1), for
  a pull-request comment: a heading with the as-of date, a summary table (件数 by status), the
  missing reference sources, then per affected clause a ### heading (num title `id` — file:line)
  and one bullet per finding: status in Japanese, the provision, pinned → latest revision, the
  message, the new provision id (renumbered), the successors (withdrawn) and, for modified and
  upcoming findings, a compact redline: only the changed lines, shortened around the changes,
  with <del>…</del> / <ins>…</ins> inline (safe next to Japanese punctuation, unlike ~~ and **).

  GitHub refuses comments over 65,536 characters: clauses are shown in full while they fit in
  max-chars (room is kept for a one-line entry for every later clause); the remaining clauses
  become one-line entries, and the end says how many were shortened or left out.

  Parameters:
    title       the heading (default 引用条項の改正影響レポート)
    max-chars   size limit of the whole comment in characters (default 60000)
    context     characters of unchanged text kept on each side of a change (default 30)
    max-lines   changed lines shown per side of one finding's redline (default 4)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:i="urn:guidekit:impact:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="i exsl str">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="title" select="'引用条項の改正影響レポート'"/>
  <xsl:param name="max-chars" select="60000"/>
  <xsl:param name="context" select="30"/>
  <xsl:param name="max-lines" select="4"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <!-- Characters escaped with a backslash. -->
  <xsl:variable name="specials" select="'\*_~`[]&lt;&gt;|#'"/>
  <xsl:variable name="slashes" select="'\\\\\\\\\\\'"/>

  <xsl:variable name="r" select="/i:impact"/>
  <xsl:variable name="clauses" select="$r/i:clause"/>
  <xsl:variable name="limit">
    <xsl:choose>
      <xsl:when test="number($max-chars) &gt; 0"><xsl:value-of select="floor(number($max-chars))"/></xsl:when>
      <xsl:otherwise>60000</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="ctx">
    <xsl:choose>
      <xsl:when test="number($context) &gt;= 0"><xsl:value-of select="floor(number($context))"/></xsl:when>
      <xsl:otherwise>30</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="lines-n">
    <xsl:choose>
      <xsl:when test="number($max-lines) &gt;= 1"><xsl:value-of select="floor(number($max-lines))"/></xsl:when>
      <xsl:otherwise>4</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Longest run of inserted or deleted text shown, and the pieces (text, change) of a line. -->
  <xsl:variable name="max-span" select="160"/>
  <xsl:variable name="max-pieces" select="9"/>
  <!-- Room kept for the closing note and the heading of the one-line entries. -->
  <xsl:variable name="tail-room" select="400"/>
  <!-- Clauses shown in full at most (the walk is recursive). -->
  <xsl:variable name="max-detail" select="1000"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$r"><xsl:apply-templates select="$r"/></xsl:when>
      <xsl:otherwise>impact report (urn:guidekit:impact:1) expected&#10;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="i:impact">
    <xsl:variable name="head">
      <xsl:call-template name="head"/>
    </xsl:variable>
    <xsl:value-of select="$head"/>
    <xsl:choose>
      <xsl:when test="$clauses">
        <!-- One line per clause, with the running length (@end) for the budget. -->
        <xsl:variable name="compact-rtf">
          <xsl:call-template name="compact-lines">
            <xsl:with-param name="set" select="$clauses"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="compact" select="exsl:node-set($compact-rtf)/c"/>
        <xsl:call-template name="walk">
          <xsl:with-param name="cl" select="$clauses[1]"/>
          <xsl:with-param name="c" select="$compact[1]"/>
          <xsl:with-param name="i" select="1"/>
          <xsl:with-param name="used" select="string-length($head)"/>
          <xsl:with-param name="total" select="number($compact[last()]/@end)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.no-impact'"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== heading and summary ===== -->

  <xsl:template name="head">
    <xsl:text>## </xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space($title)"/></xsl:call-template>
    <xsl:if test="string(@as-of) != ''">
      <xsl:text>（</xsl:text>
      <xsl:call-template name="wareki"><xsl:with-param name="date" select="string(@as-of)"/></xsl:call-template>
      <xsl:text>時点）</xsl:text>
    </xsl:if>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="string(@as-of) != ''">
      <xsl:text>基準日 </xsl:text>
      <xsl:call-template name="wareki"><xsl:with-param name="date" select="string(@as-of)"/></xsl:call-template>
      <xsl:call-template name="esc"><xsl:with-param name="s" select="concat('（', @as-of, '）')"/></xsl:call-template>
      <xsl:text>に施行されている版と比べた。</xsl:text>
    </xsl:if>
    <xsl:value-of select="concat('引用 ', number(@references), ' 件のうち、要更新 **', number(@stale),
                          '** 件、参照切れ **', number(@broken), '** 件。影響を受ける条項は ', count($clauses), ' 件である。', $nl, $nl)"/>
    <xsl:text>| 状態 | 件数 |&#10;|---|---:|&#10;</xsl:text>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'modified'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'renumbered'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'deleted'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'withdrawn'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'unresolved'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'unverifiable'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'notFetched'"/></xsl:call-template>
    <xsl:call-template name="count-row"><xsl:with-param name="s" select="'upcoming'"/></xsl:call-template>
    <xsl:variable name="other" select="$clauses/i:finding[not(contains(' modified renumbered deleted withdrawn unresolved unverifiable upcoming ', concat(' ', @status, ' ')))]"/>
    <xsl:if test="$other">
      <xsl:value-of select="concat('| その他 | ', count($other), ' |', $nl)"/>
    </xsl:if>
    <xsl:value-of select="concat('| 変更なし | ', number(@current), ' |', $nl)"/>
    <xsl:value-of select="concat('| **引用の総数** | **', number(@references), '** |', $nl)"/>
    <xsl:if test="i:missing-source">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched.sources'"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:for-each select="i:missing-source">
        <xsl:if test="position() &gt; 1">、</xsl:if>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="count-row">
    <xsl:param name="s"/>
    <xsl:variable name="n" select="count($clauses/i:finding[(@status = $s and not(@not-fetched = 'true')) or ($s = 'notFetched' and @not-fetched = 'true')])"/>
    <xsl:if test="$n &gt; 0">
      <xsl:text>| </xsl:text>
      <xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      <xsl:value-of select="concat(' | ', $n, ' |', $nl)"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== the budget ===== -->

  <!-- Clauses in full while they fit (keeping room for one line per later clause), then the
       rest as one-line entries, then the count of what was shortened or left out. -->
  <xsl:template name="walk">
    <xsl:param name="cl"/>
    <xsl:param name="c"/>
    <xsl:param name="i"/>
    <xsl:param name="used"/>
    <xsl:param name="total"/>
    <xsl:variable name="full">
      <xsl:if test="$i &lt;= $max-detail">
        <xsl:apply-templates select="$cl" mode="detail"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="later" select="$total - number($c/@end)"/>
    <xsl:choose>
      <xsl:when test="$i &lt;= $max-detail and $used + string-length($full) + $later + $tail-room &lt;= $limit">
        <xsl:value-of select="$full"/>
        <xsl:variable name="next" select="$cl/following-sibling::i:clause[1]"/>
        <xsl:if test="$next">
          <xsl:call-template name="walk">
            <xsl:with-param name="cl" select="$next"/>
            <xsl:with-param name="c" select="$c/following-sibling::c[1]"/>
            <xsl:with-param name="i" select="$i + 1"/>
            <xsl:with-param name="used" select="$used + string-length($full)"/>
            <xsl:with-param name="total" select="$total"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="heading" select="concat($nl, '### ほかの条項（詳細は省略）', $nl, $nl)"/>
        <xsl:variable name="base" select="number($c/@end) - string-length($c) - 1"/>
        <xsl:variable name="rest" select="$c | $c/following-sibling::c"/>
        <xsl:variable name="fit"
            select="$rest[$used + string-length($heading) + @end - $base + $tail-room &lt;= $limit]"/>
        <xsl:if test="$fit">
          <xsl:value-of select="$heading"/>
          <xsl:for-each select="$fit"><xsl:value-of select="concat(., $nl)"/></xsl:for-each>
        </xsl:if>
        <xsl:variable name="n-rest" select="count($rest)"/>
        <xsl:variable name="n-fit" select="count($fit)"/>
        <xsl:value-of select="$nl"/>
        <xsl:text>…</xsl:text>
        <xsl:if test="$n-fit &gt; 0">
          <xsl:value-of select="concat('コメントの長さの上限のため、', $n-fit, ' 件の条項は一行のみで示した')"/>
          <xsl:if test="$n-rest &gt; $n-fit">
            <xsl:value-of select="concat('。さらに ', $n-rest - $n-fit, ' 件の条項は省略した')"/>
          </xsl:if>
        </xsl:if>
        <xsl:if test="$n-fit = 0">
          <xsl:value-of select="concat('コメントの長さの上限のため、', $n-rest, ' 件の条項は省略した')"/>
        </xsl:if>
        <xsl:text>（全件は `guidekit impact --format html` で確認できる）。&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <c end="characters up to and including this line and its newline">- … </c>; halves the
       set until it is small (n log n, shallow recursion). -->
  <xsl:template name="compact-lines">
    <xsl:param name="set"/>
    <xsl:param name="base" select="0"/>
    <xsl:variable name="n" select="count($set)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 16">
        <xsl:variable name="h" select="floor($n div 2)"/>
        <xsl:variable name="first">
          <xsl:call-template name="compact-lines">
            <xsl:with-param name="set" select="$set[position() &lt;= $h]"/>
            <xsl:with-param name="base" select="$base"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:copy-of select="$first"/>
        <xsl:call-template name="compact-lines">
          <xsl:with-param name="set" select="$set[position() &gt; $h]"/>
          <xsl:with-param name="base" select="number(exsl:node-set($first)/c[last()]/@end)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lines-rtf">
          <xsl:for-each select="$set">
            <c><xsl:call-template name="compact-line"/></c>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each select="exsl:node-set($lines-rtf)/c">
          <xsl:variable name="p" select="position()"/>
          <c end="{$base + string-length(str:concat(../c[position() &lt;= $p])) + $p}">
            <xsl:value-of select="."/>
          </c>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- - (1) 見出し `id` — file:line：改正 2、廃止 1 -->
  <xsl:template name="compact-line">
    <xsl:text>- </xsl:text>
    <xsl:call-template name="clause-name"/>
    <xsl:text>：</xsl:text>
    <xsl:call-template name="tally"><xsl:with-param name="f" select="i:finding"/></xsl:call-template>
  </xsl:template>

  <!-- 改正 2、廃止 1 -->
  <xsl:template name="tally">
    <xsl:param name="f"/>
    <xsl:variable name="t">
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'modified'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'renumbered'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'deleted'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'withdrawn'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'unresolved'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'unverifiable'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'notFetched'"/></xsl:call-template>
      <xsl:call-template name="tally-one"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'upcoming'"/></xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="substring($t, 2)"/>
  </xsl:template>

  <xsl:template name="tally-one">
    <xsl:param name="f"/>
    <xsl:param name="s"/>
    <xsl:variable name="n" select="count($f[(@status = $s and not(@not-fetched = 'true')) or ($s = 'notFetched' and @not-fetched = 'true')])"/>
    <xsl:if test="$n &gt; 0">
      <xsl:text>、</xsl:text>
      <xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      <xsl:value-of select="concat(' ', $n)"/>
    </xsl:if>
  </xsl:template>

  <!-- (1) 見出し `id` — guidelines/x.xml:12 (escaped; long titles cut) -->
  <xsl:template name="clause-name">
    <xsl:variable name="name" select="normalize-space(concat(@num, ' ', @title))"/>
    <xsl:if test="$name != ''">
      <xsl:call-template name="esc">
        <xsl:with-param name="s" select="substring($name, 1, 120)"/>
        <xsl:with-param name="line-start" select="true()"/>
      </xsl:call-template>
      <xsl:if test="string-length($name) &gt; 120">…</xsl:if>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
    <xsl:text> — </xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="concat(@file, ':', @line)"/></xsl:call-template>
  </xsl:template>

  <!-- ===== one clause in full ===== -->

  <xsl:template match="i:clause" mode="detail">
    <xsl:value-of select="$nl"/>
    <xsl:text>### </xsl:text>
    <xsl:call-template name="clause-name"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:apply-templates select="i:finding" mode="detail"/>
  </xsl:template>

  <xsl:template match="i:finding" mode="detail">
    <xsl:variable name="s">
      <xsl:choose>
        <xsl:when test="@not-fetched = 'true'">notFetched</xsl:when>
        <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:text>- **</xsl:text>
    <xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:text>** </xsl:text>
    <xsl:call-template name="esc">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="normalize-space(@label) != ''"><xsl:value-of select="normalize-space(@label)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(@source, ' ', @provision)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="code"><xsl:with-param name="s" select="concat(@source, ' ', @provision)"/></xsl:call-template>
    <xsl:text>)</xsl:text>
    <!-- pinned → latest (→ upcoming) -->
    <xsl:if test="@pin or @latest or @upcoming">
      <xsl:text>：</xsl:text>
      <xsl:call-template name="rev">
        <xsl:with-param name="id" select="string(@pin)"/>
        <xsl:with-param name="date" select="string(@pin-date)"/>
        <xsl:with-param name="none" select="'（版の指定なし）'"/>
      </xsl:call-template>
      <xsl:if test="not(string(@pin) != '' and @pin = @latest)">
        <xsl:text> → </xsl:text>
        <xsl:call-template name="rev">
          <xsl:with-param name="id" select="string(@latest)"/>
          <xsl:with-param name="date" select="string(@latest-date)"/>
          <xsl:with-param name="none" select="'（最新版不明）'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@upcoming or @upcoming-date">
        <xsl:text> → 施行予定 </xsl:text>
        <xsl:call-template name="rev">
          <xsl:with-param name="id" select="string(@upcoming)"/>
          <xsl:with-param name="date" select="string(@upcoming-date)"/>
          <xsl:with-param name="none" select="''"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <!-- What the finding means, in Japanese (the English message is for text and SARIF). -->
    <xsl:text>&lt;br&gt;</xsl:text>
    <xsl:call-template name="term"><xsl:with-param name="id" select="concat('impact.', @status, '.help')"/></xsl:call-template>
    <xsl:text>。</xsl:text>
    <xsl:if test="string(@latest-provision) != ''">
      <xsl:text>&lt;br&gt;現在の条番号：</xsl:text>
      <xsl:call-template name="code"><xsl:with-param name="s" select="@provision"/></xsl:call-template>
      <xsl:text> → </xsl:text>
      <xsl:call-template name="code"><xsl:with-param name="s" select="@latest-provision"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="i:successor">
      <xsl:text>&lt;br&gt;後継の管理策：</xsl:text>
      <xsl:for-each select="i:successor">
        <xsl:if test="position() &gt; 1">、</xsl:if>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="@rel = 'incorporated-into'">（に統合）</xsl:when>
          <xsl:when test="@rel = 'moved-to'">（へ移動）</xsl:when>
          <xsl:otherwise>
            <xsl:text>（</xsl:text>
            <xsl:call-template name="esc"><xsl:with-param name="s" select="@rel"/></xsl:call-template>
            <xsl:text>）</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
    <xsl:value-of select="$nl"/>
    <!-- The redline: changed lines only, old then new, quoted inside the list item. -->
    <xsl:variable name="old-all" select="i:old/i:line[i:del]"/>
    <xsl:variable name="new-all" select="i:new/i:line[i:ins]"/>
    <xsl:variable name="old-lines" select="$old-all[position() &lt;= $lines-n]"/>
    <xsl:variable name="new-lines" select="$new-all[position() &lt;= $lines-n]"/>
    <xsl:if test="$old-lines or $new-lines">
      <xsl:value-of select="$nl"/>
      <xsl:for-each select="$old-lines | $new-lines">
        <xsl:if test="position() &gt; 1"><xsl:value-of select="concat('  &gt;', $nl)"/></xsl:if>
        <xsl:text>  &gt; </xsl:text>
        <xsl:choose>
          <xsl:when test="parent::i:old">旧：</xsl:when>
          <xsl:otherwise>新：</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="redline-line"/>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:variable name="more-old" select="count($old-all) - count($old-lines)"/>
      <xsl:variable name="more-new" select="count($new-all) - count($new-lines)"/>
      <xsl:if test="$more-old + $more-new &gt; 0">
        <xsl:value-of select="concat('  &gt;', $nl, '  &gt; （ほかに変更のある行：旧 ', $more-old, ' 行・新 ', $more-new, ' 行）', $nl)"/>
      </xsl:if>
      <xsl:if test="following-sibling::i:finding"><xsl:value-of select="$nl"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- `20260101_507AC0000000033`（令和8年1月1日） -->
  <xsl:template name="rev">
    <xsl:param name="id"/>
    <xsl:param name="date"/>
    <xsl:param name="none"/>
    <xsl:choose>
      <xsl:when test="$id != ''">
        <xsl:call-template name="code"><xsl:with-param name="s" select="$id"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$date = ''"><xsl:value-of select="$none"/></xsl:when>
    </xsl:choose>
    <xsl:if test="$date != ''">
      <xsl:text>（</xsl:text>
      <xsl:call-template name="esc">
        <xsl:with-param name="s">
          <xsl:call-template name="wareki"><xsl:with-param name="date" select="$date"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>）</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A changed line, its unchanged text cut to $ctx characters around each change. -->
  <xsl:template name="redline-line">
    <xsl:variable name="all" select="count(node())"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$all &gt; $max-pieces"><xsl:value-of select="$max-pieces"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$all"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="node()[position() &lt;= $n]">
      <xsl:variable name="t" select="translate(string(.), '&#10;&#13;&#9;', '   ')"/>
      <xsl:variable name="len" select="string-length($t)"/>
      <xsl:choose>
        <xsl:when test="self::i:del or self::i:ins">
          <xsl:variable name="tag">
            <xsl:choose>
              <xsl:when test="self::i:del">del</xsl:when>
              <xsl:otherwise>ins</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:value-of select="concat('&lt;', $tag, '&gt;')"/>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, 1, $max-span)"/></xsl:call-template>
          <xsl:if test="$len &gt; $max-span">…</xsl:if>
          <xsl:value-of select="concat('&lt;/', $tag, '&gt;')"/>
        </xsl:when>
        <!-- unchanged text before the first change: its end -->
        <xsl:when test="position() = 1 and $n &gt; 1">
          <xsl:if test="$len &gt; $ctx">…</xsl:if>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, $len - $ctx + 1)"/></xsl:call-template>
        </xsl:when>
        <!-- after the last change shown: its start -->
        <xsl:when test="position() = $n and $n &gt; 1">
          <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, 1, $ctx)"/></xsl:call-template>
          <xsl:if test="$len &gt; $ctx">…</xsl:if>
        </xsl:when>
        <!-- between two changes: both ends -->
        <xsl:when test="$len &gt; 2 * $ctx + 1 and $n &gt; 1">
          <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, 1, $ctx)"/></xsl:call-template>
          <xsl:text>…</xsl:text>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, $len - $ctx + 1)"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="$t"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="$all &gt; $n and node()[number($n)][self::i:del or self::i:ins]">…</xsl:if>
  </xsl:template>

  <!-- ===== labels and escaping ===== -->

  <xsl:template name="status-label">
    <xsl:param name="s"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('impact.', $s)"/></xsl:call-template>
  </xsl:template>

  <!-- `code` (backticks in the value become quotes). -->
  <xsl:template name="code">
    <xsl:param name="s"/>
    <xsl:value-of select="concat('`', translate(normalize-space($s), '`', &quot;'&quot;), '`')"/>
  </xsl:template>

  <!-- Backslash before Markdown's special characters; at a line start also before list and
       heading markers (- + = 1. 1)). Newlines become spaces. -->
  <xsl:template name="esc">
    <xsl:param name="s"/>
    <xsl:param name="line-start" select="false()"/>
    <xsl:variable name="flat" select="translate($s, '&#10;&#13;&#9;', '   ')"/>
    <xsl:variable name="c1" select="substring($flat, 1, 1)"/>
    <xsl:variable name="c2" select="substring($flat, 2, 1)"/>
    <xsl:variable name="c3" select="substring($flat, 3, 1)"/>
    <xsl:variable name="c4" select="substring($flat, 4, 1)"/>
    <xsl:variable name="d1" select="$c1 != '' and translate($c1, '0123456789', '') = ''"/>
    <xsl:variable name="d2" select="$d1 and $c2 != '' and translate($c2, '0123456789', '') = ''"/>
    <xsl:variable name="d3" select="$d2 and $c3 != '' and translate($c3, '0123456789', '') = ''"/>
    <xsl:variable name="lead" select="number($line-start) * (
        number($c1 = '-' or $c1 = '+' or $c1 = '=')
      + 2 * number($d1 and ($c2 = '.' or $c2 = ')'))
      + 3 * number($d2 and ($c3 = '.' or $c3 = ')'))
      + 4 * number($d3 and ($c4 = '.' or $c4 = ')')))"/>
    <xsl:choose>
      <xsl:when test="$lead &gt; 0">
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="substring($flat, 1, $lead - 1)"/></xsl:call-template>
        <xsl:text>\</xsl:text>
        <xsl:value-of select="substring($flat, $lead, 1)"/>
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="substring($flat, $lead + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="$flat"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Plain runs are copied at once; a long string with special characters is halved first, so
       the recursion stays shallow whatever the input. -->
  <xsl:template name="esc-run">
    <xsl:param name="s"/>
    <xsl:variable name="marked" select="translate($s, $specials, $slashes)"/>
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="not(contains($marked, '\'))"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="$len &gt; 64">
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="substring($s, 1, floor($len div 2))"/></xsl:call-template>
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="substring($s, floor($len div 2) + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p" select="string-length(substring-before($marked, '\'))"/>
        <xsl:value-of select="substring($s, 1, $p)"/>
        <xsl:text>\</xsl:text>
        <xsl:value-of select="substring($s, $p + 1, 1)"/>
        <xsl:call-template name="esc-run"><xsl:with-param name="s" select="substring($s, $p + 2)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
