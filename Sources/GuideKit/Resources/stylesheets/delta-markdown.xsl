<?xml version="1.0" encoding="UTF-8"?>
<!--
  delta-markdown.xsl: GitHub-flavoured Markdown of a delta document (urn:guidekit:delta:1), for a
  pull-request comment: heading (old → new), summary table, then one section per changed unit.

  Modified units show their changed lines, old then new, with deletions and insertions marked
  inline; added and removed units quote their text; moved and renumbered units say where from.
  GitHub refuses comments over 65,536 characters: the output stays within max-chars by showing
  the first units in full while they fit, the next ones as one line each, and a count of the rest.

  Parameters:
    max-units     changed units listed at all (default 200); the rest are counted
    detail-units  of those, how many may be shown in full (default 50)
    max-chars     size limit of the whole comment in characters (default 60000)
    lines         changed (default): only the lines of a modified unit that changed; all: every line
    inline        html (default): <del>…</del> / <ins>…</ins>, safe next to Japanese punctuation;
                  gfm: ~~…~~ / **…** (GFM emphasis fails next to some CJK punctuation)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="d exsl str">

  <xsl:include href="common-html.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="max-units" select="200"/>
  <xsl:param name="detail-units" select="50"/>
  <xsl:param name="max-chars" select="60000"/>
  <xsl:param name="lines" select="'changed'"/>
  <xsl:param name="inline" select="'html'"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <!-- Characters escaped with a backslash. -->
  <xsl:variable name="specials" select="'\*_~`[]&lt;&gt;|#'"/>
  <xsl:variable name="slashes" select="'\\\\\\\\\\\'"/>

  <xsl:variable name="units" select="/d:delta/d:unit"/>
  <xsl:variable name="n-units" select="count($units)"/>
  <xsl:variable name="max-units-n">
    <xsl:choose>
      <xsl:when test="number($max-units) &gt;= 0"><xsl:value-of select="floor(number($max-units))"/></xsl:when>
      <xsl:otherwise>200</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="shown">
    <xsl:choose>
      <xsl:when test="$n-units &lt; number($max-units-n)"><xsl:value-of select="$n-units"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$max-units-n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Full sections are chosen one by one (recursion): at most 1000. -->
  <xsl:variable name="detail-n">
    <xsl:variable name="want">
      <xsl:choose>
        <xsl:when test="number($detail-units) &gt;= 0"><xsl:value-of select="floor(number($detail-units))"/></xsl:when>
        <xsl:otherwise>50</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$want &gt; 1000 and $shown &gt; 1000">1000</xsl:when>
      <xsl:when test="$want &gt; $shown"><xsl:value-of select="$shown"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$want"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="limit">
    <xsl:choose>
      <xsl:when test="number($max-chars) &gt; 0"><xsl:value-of select="floor(number($max-chars))"/></xsl:when>
      <xsl:otherwise>60000</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Room kept for the closing note. -->
  <xsl:variable name="tail-room" select="400"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="d:delta"><xsl:apply-templates select="d:delta"/></xsl:when>
      <xsl:otherwise>delta document (urn:guidekit:delta:1) expected&#10;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:delta">
    <xsl:variable name="head">
      <xsl:call-template name="head"/>
    </xsl:variable>
    <!-- One line per unit shown, with the running length (ends) for the budget. -->
    <xsl:variable name="compact-rtf">
      <xsl:call-template name="compact-lines">
        <xsl:with-param name="set" select="$units[position() &lt;= $shown]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="compact" select="exsl:node-set($compact-rtf)/c"/>
    <xsl:variable name="details">
      <xsl:if test="$detail-n &gt; 0">
        <xsl:call-template name="details">
          <xsl:with-param name="u" select="$units[1]"/>
          <xsl:with-param name="c" select="$compact[1]"/>
          <xsl:with-param name="i" select="1"/>
          <xsl:with-param name="used" select="string-length($head)"/>
          <xsl:with-param name="total" select="number($compact[last()]/@end)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="used" select="string-length($head) + string-length($details)"/>
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="$detail-n &gt; 0 and $compact[number($detail-n)]"><xsl:value-of select="$compact[number($detail-n)]/@end"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rest" select="$compact[position() &gt; $detail-n]"/>
    <!-- Compact lines that still fit. -->
    <xsl:variable name="fit"
        select="$rest[$used + @end - number($base) + 40 + $tail-room &lt;= $limit]"/>
    <xsl:value-of select="$head"/>
    <xsl:value-of select="$details"/>
    <xsl:if test="$fit">
      <xsl:value-of select="concat($nl, '### ほかの変更', $nl, $nl)"/>
      <xsl:for-each select="$fit">
        <xsl:value-of select="concat(., $nl)"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:variable name="listed" select="number($detail-n) + count($fit)"/>
    <xsl:if test="$n-units &gt; $listed">
      <xsl:value-of select="concat($nl, '…ほか ', $n-units - $listed, ' 件の変更は省略した（全件は `guidekit diff --format text` で確認できる）。', $nl)"/>
    </xsl:if>
    <xsl:if test="not(d:unit)">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.no-changes'"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- Heading, editions, summary table. -->
  <xsl:template name="head">
    <xsl:variable name="ot" select="normalize-space(d:old/d:title)"/>
    <xsl:variable name="nt" select="normalize-space(d:new/d:title)"/>
    <xsl:variable name="fresh" select="normalize-space(d:old/@version) = ''"/>
    <xsl:text>## </xsl:text>
    <xsl:choose>
      <xsl:when test="$fresh">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$nt"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$ot = $nt">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$nt"/></xsl:call-template>
        <xsl:text>：</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="d:old/@version"/></xsl:call-template>
        <xsl:text> → </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="d:new/@version"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$ot"/></xsl:call-template>
        <xsl:text> → </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$nt"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="not($fresh)">
      <xsl:apply-templates select="d:old" mode="edition"/>
      <xsl:text> → </xsl:text>
    </xsl:if>
    <xsl:apply-templates select="d:new" mode="edition"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:for-each select="d:summary/@*[contains(' added removed modified moved renumbered citation unchanged ', concat(' ', local-name(), ' '))]">
      <xsl:sort select="string-length(substring-before(' added removed modified moved renumbered citation unchanged ', concat(' ', local-name(), ' ')))" data-type="number"/>
      <xsl:text>| </xsl:text>
      <xsl:call-template name="term"><xsl:with-param name="id" select="concat('change.', local-name())"/></xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:text>|&#10;</xsl:text>
    <xsl:text>|---:|---:|---:|---:|---:|---:|---:|&#10;</xsl:text>
    <xsl:for-each select="d:summary">
      <xsl:value-of select="concat('| ', number(@added), ' | ', number(@removed), ' | ', number(@modified), ' | ',
                            number(@moved), ' | ', number(@renumbered), ' | ', number(concat('0', @citation)), ' | ',
                            number(@unchanged), ' |', $nl)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- `4.0`（2018-04-13 策定） -->
  <xsl:template match="d:old | d:new" mode="edition">
    <xsl:call-template name="code"><xsl:with-param name="s" select="@version"/></xsl:call-template>
    <xsl:if test="@issued or @effective">
      <xsl:text>（</xsl:text>
      <xsl:if test="@issued">
        <xsl:call-template name="wareki"><xsl:with-param name="date" select="@issued"/></xsl:call-template>
        <xsl:call-template name="term"><xsl:with-param name="id" select="concat(substring('law.', 1, 4 * number(/d:delta/@kind = 'law')), 'date.issued.after')"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="@effective and (not(@issued) or @effective != @issued)">
        <xsl:if test="@issued">、</xsl:if>
        <xsl:call-template name="wareki"><xsl:with-param name="date" select="@effective"/></xsl:call-template>
        <xsl:call-template name="term"><xsl:with-param name="id" select="concat(substring('law.', 1, 4 * number(/d:delta/@kind = 'law')), 'date.effective.after')"/></xsl:call-template>
      </xsl:if>
      <xsl:text>）</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Full sections for units 1..detail-n, each only if it fits; else its compact line. -->
  <xsl:template name="details">
    <xsl:param name="u"/>
    <xsl:param name="c"/>
    <xsl:param name="i"/>
    <xsl:param name="used"/>
    <xsl:param name="total"/>
    <xsl:variable name="full">
      <xsl:apply-templates select="$u" mode="detail"/>
    </xsl:variable>
    <!-- Room still needed: compact lines of the units after this one, and the closing note. -->
    <xsl:variable name="later" select="$total - number($c/@end)"/>
    <xsl:variable name="piece">
      <xsl:choose>
        <xsl:when test="$used + string-length($full) + $later + $tail-room &lt;= $limit">
          <xsl:value-of select="$full"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($c, '（長いため詳細は省略）', $nl)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="$piece"/>
    <xsl:if test="$i &lt; $detail-n">
      <!-- Walk siblings: positional access into a node-set costs its length. -->
      <xsl:call-template name="details">
        <xsl:with-param name="u" select="$u/following-sibling::d:unit[1]"/>
        <xsl:with-param name="c" select="$c/following-sibling::c[1]"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="used" select="$used + string-length($piece)"/>
        <xsl:with-param name="total" select="$total"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- <c end="chars up to and including this line">- **変更** (1) 見出し (`id`)</c>; halves the set
       until it is small (n log n, shallow recursion). -->
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

  <xsl:template name="compact-line">
    <xsl:text>- **</xsl:text>
    <xsl:call-template name="change-label"/>
    <xsl:text>** </xsl:text>
    <xsl:call-template name="unit-name"/>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- Number and title (escaped); a renumbered unit shows old → new. -->
  <xsl:template name="unit-name">
    <xsl:variable name="num">
      <xsl:choose>
        <xsl:when test="@num and @old-num and @num != @old-num">
          <xsl:value-of select="concat(@old-num, ' → ', @num)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="(@num | @old-num)[1]"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="name">
      <xsl:value-of select="$num"/>
      <xsl:if test="d:title">
        <xsl:if test="$num != ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="normalize-space(d:title)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="esc">
      <xsl:with-param name="s" select="substring($name, 1, 120)"/>
    </xsl:call-template>
    <xsl:if test="string-length($name) &gt; 120">…</xsl:if>
  </xsl:template>

  <!-- ### (1) 見出し (`id`) — 変更 -->
  <xsl:template match="d:unit" mode="detail">
    <xsl:variable name="c" select="@change"/>
    <xsl:value-of select="$nl"/>
    <xsl:text>### </xsl:text>
    <xsl:call-template name="unit-name"/>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
    <xsl:text>) — </xsl:text>
    <xsl:call-template name="change-label"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="d:path/d:step">
      <xsl:call-template name="esc">
        <xsl:with-param name="s">
          <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:path/d:step"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="facts"/>
    <xsl:choose>
      <xsl:when test="$c = 'modified'">
        <xsl:variable name="old-lines" select="d:old/d:line[$lines = 'all' or d:del]"/>
        <xsl:variable name="new-lines" select="d:new/d:line[$lines = 'all' or d:ins]"/>
        <xsl:if test="$old-lines">
          <xsl:text>**</xsl:text><xsl:call-template name="term"><xsl:with-param name="id" select="'side.old'"/></xsl:call-template><xsl:value-of select="concat('**', $nl, $nl)"/>
          <xsl:call-template name="quote"><xsl:with-param name="set" select="$old-lines"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$new-lines">
          <xsl:text>**</xsl:text><xsl:call-template name="term"><xsl:with-param name="id" select="'side.new'"/></xsl:call-template><xsl:value-of select="concat('**', $nl, $nl)"/>
          <xsl:call-template name="quote"><xsl:with-param name="set" select="$new-lines"/></xsl:call-template>
        </xsl:if>
        <xsl:variable name="skipped"
            select="count(d:old/d:line) - count($old-lines) + count(d:new/d:line) - count($new-lines)"/>
        <xsl:if test="$skipped &gt; 0">
<xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.lines-omitted'"/></xsl:call-template><xsl:value-of select="concat($nl, $nl)"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$c = 'added'">
        <xsl:call-template name="quote"><xsl:with-param name="set" select="d:new/d:line"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$c = 'removed'">
        <xsl:call-template name="quote"><xsl:with-param name="set" select="d:old/d:line"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Renumbering, old id, old place, split / merge, withdrawal: a short list. -->
  <xsl:template name="facts">
    <xsl:variable name="facts">
      <xsl:if test="@num and @old-num and @num != @old-num">
        <xsl:text>- 番号：</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="concat(@old-num, ' → ', @num)"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="@old-id and @old-id != @id">
        <xsl:text>- 旧ID：</xsl:text>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@old-id"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="(@moved = 'true' or @change = 'moved') and d:old-path/d:step">
        <xsl:text>- 移動前：</xsl:text>
        <xsl:call-template name="esc">
          <xsl:with-param name="s">
            <xsl:call-template name="path-text"><xsl:with-param name="steps" select="d:old-path/d:step"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="@split-from">
        <xsl:text>- 分割元：</xsl:text>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@split-from"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="@merged-into">
        <xsl:text>- 統合先：</xsl:text>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@merged-into"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="@withdrawn = 'true'">
        <xsl:text>- 取下げ</xsl:text>
        <xsl:for-each select="d:successors/d:successor">
          <xsl:choose>
            <xsl:when test="position() = 1">：</xsl:when>
            <xsl:otherwise>、</xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="code"><xsl:with-param name="s" select="@id"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="@rel = 'incorporated-into'"> に統合</xsl:when>
            <xsl:when test="@rel = 'moved-to'"> へ移動</xsl:when>
            <xsl:otherwise>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="esc"><xsl:with-param name="s" select="@rel"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="@coarse = 'true'">
        <xsl:value-of select="concat('- 差分は概略（比較の上限に達したため）', $nl)"/>
      </xsl:if>
      <!-- - 引用変更：「労働基準法第38条の2」 条項 `Art38_2` → `Art38_3`、基準日 `2025-06-01` → `2026-04-01` -->
      <xsl:for-each select="d:refs/d:ref">
        <xsl:text>- </xsl:text>
        <xsl:call-template name="term"><xsl:with-param name="id" select="concat('ref.', @change)"/></xsl:call-template>
        <xsl:text>：「</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
        <xsl:text>」 </xsl:text>
        <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.provision'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:if test="@old-provision">
          <xsl:call-template name="code"><xsl:with-param name="s" select="@old-provision"/></xsl:call-template>
          <xsl:text> → </xsl:text>
        </xsl:if>
        <xsl:call-template name="code"><xsl:with-param name="s" select="@provision"/></xsl:call-template>
        <xsl:if test="@pin or @old-pin">
          <xsl:text>、</xsl:text>
          <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.pin'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:if test="@old-pin">
            <xsl:call-template name="code"><xsl:with-param name="s" select="@old-pin"/></xsl:call-template>
            <xsl:text> → </xsl:text>
          </xsl:if>
          <xsl:call-template name="code"><xsl:with-param name="s" select="@pin"/></xsl:call-template>
        </xsl:if>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($facts) != ''">
      <xsl:value-of select="concat($facts, $nl)"/>
    </xsl:if>
  </xsl:template>

  <!-- Lines as a block quote, one paragraph each. -->
  <xsl:template name="quote">
    <xsl:param name="set"/>
    <xsl:for-each select="$set">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="concat('&gt;', $nl)"/></xsl:if>
      <xsl:text>&gt; </xsl:text>
      <!-- Written straight out: a result tree fragment per span would make long units slow. -->
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::d:del and $inline = 'gfm'">~~</xsl:when>
          <xsl:when test="self::d:ins and $inline = 'gfm'">**</xsl:when>
          <xsl:when test="self::d:del">&lt;del&gt;</xsl:when>
          <xsl:when test="self::d:ins">&lt;ins&gt;</xsl:when>
        </xsl:choose>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="string(.)"/>
          <xsl:with-param name="line-start" select="position() = 1 and not(self::*)"/>
        </xsl:call-template>
        <xsl:choose>
          <xsl:when test="self::d:del and $inline = 'gfm'">~~</xsl:when>
          <xsl:when test="self::d:ins and $inline = 'gfm'">**</xsl:when>
          <xsl:when test="self::d:del">&lt;/del&gt;</xsl:when>
          <xsl:when test="self::d:ins">&lt;/ins&gt;</xsl:when>
        </xsl:choose>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
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
    <!-- Position of the character to escape at a line start: - + = or the mark of 1. 12) 123. -->
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
