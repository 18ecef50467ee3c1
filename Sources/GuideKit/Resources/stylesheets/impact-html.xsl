<?xml version="1.0" encoding="UTF-8"?>
<!--
  impact-html.xsl: the impact report (urn:guidekit:impact:1) → a standalone, accessible HTML5 page.

  Title with the as-of date (和暦 and 西暦), a summary (references, current, stale, broken, the
  count per status, missing reference sources), a table of contents by guideline file and clause,
  then one section per affected clause: its number, title, id and file:line, the clause's own
  text beside the cited provisions' findings (two columns on wide screens, stacked on phones).
  A finding shows its status, the provision, the pinned → latest revision, the message, the new
  provision id (renumbered), the successors (withdrawn) and, for modified / upcoming, the old → new
  redline; long runs of unchanged lines in a redline fold into 「（略）」 (<details>).
  Inline CSS, print CSS, no JavaScript. Ids are derived from file and clause ids (no
  generate-id() in the output), so the page is the same for the same input.

  Parameters:
    title       the page title (default 引用条項の改正影響レポート)
    css-extra   CSS appended after the built-in rules
    home-href   the site index (default index.html); home-label its link text
    nist-url    where NIST SP 800-53 control labels link to (the control id is appended)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:i="urn:guidekit:impact:1"
    exclude-result-prefixes="i">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="title" select="'引用条項の改正影響レポート'"/>
  <xsl:param name="css-extra" select="''"/>
  <xsl:param name="home-href" select="'index.html'"/>
  <xsl:param name="home-label" select="'ガイドライン一覧'"/>
  <xsl:param name="nist-url" select="'https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_0/home?element='"/>

  <xsl:variable name="r" select="/i:impact"/>
  <xsl:variable name="statuses" select="' modified renumbered deleted withdrawn unresolved unverifiable upcoming '"/>

  <!-- Clauses by file, in the order the files first appear. -->
  <xsl:key name="by-file" match="i:clause" use="@file"/>
  <!-- Redline lines by finding, side and text: an unchanged line (no del / ins) that also stands
       on the other side may fold into 「（略）」; one that does not is the counterpart of a change
       (a pure insertion or deletion elsewhere in its line) and stays. -->
  <xsl:key name="same" match="i:old/i:line | i:new/i:line"
      use="concat(generate-id(../..), local-name(..), '|', .)"/>

  <xsl:variable name="files" select="$r/i:clause[generate-id() = generate-id(key('by-file', @file)[1])]"/>

  <xsl:variable name="as-of-wareki">
    <xsl:call-template name="wareki"><xsl:with-param name="date" select="string($r/@as-of)"/></xsl:call-template>
  </xsl:variable>

  <!-- ===== page ===== -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$r"><xsl:apply-templates select="$r"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">impact-html: the root element is not an impact report (urn:guidekit:impact:1)</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="i:impact">
    <html lang="ja">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$title"/>
          <xsl:if test="string(@as-of) != ''"><xsl:value-of select="concat('（', $as-of-wareki, '時点）')"/></xsl:if>
        </title>
        <meta name="generator" content="guidekit"/>
        <meta name="description">
          <xsl:attribute name="content">
            <xsl:value-of select="concat($title, '：引用 ', number(@references), ' 件、最新 ', number(@current),
                                  ' 件、要更新 ', number(@stale), ' 件、参照切れ ', number(@broken), ' 件')"/>
          </xsl:attribute>
        </meta>
        <style>
          <xsl:call-template name="base-page-css"/>
          <xsl:call-template name="page-css"/>
          <xsl:call-template name="replace">
            <xsl:with-param name="s" select="$css-extra"/>
            <xsl:with-param name="from" select="'&lt;'"/>
            <xsl:with-param name="to" select="'\3C '"/>
          </xsl:call-template>
        </style>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <a class="skip" href="#gk-main">本文へ移動</a>
        <header class="masthead">
          <div class="bar no-print">
            <div class="wrap bar-inner">
              <a class="home" href="{$home-href}"><xsl:value-of select="$home-label"/></a>
            </div>
          </div>
          <div class="wrap titleblock">
            <p class="kicker">引用した法令・管理策の確認</p>
            <h1><xsl:value-of select="$title"/></h1>
            <xsl:if test="string(@as-of) != ''">
              <p class="asof">
                <span class="k">基準日</span>
                <xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@as-of)"/></xsl:call-template>
                <span class="note">時点で施行されている版と比べた</span>
              </p>
            </xsl:if>
          </div>
        </header>
        <xsl:text>&#10;</xsl:text>
        <main id="gk-main" class="wrap" tabindex="-1">
          <xsl:call-template name="summary"/>
          <xsl:if test="i:clause">
            <xsl:call-template name="toc"/>
          </xsl:if>
          <xsl:text>&#10;</xsl:text>
          <xsl:for-each select="$files">
            <xsl:variable name="clauses" select="key('by-file', @file)"/>
            <section class="file" aria-labelledby="{concat('f-', position())}">
              <h2 id="{concat('f-', position())}" class="h-file">
                <code><xsl:value-of select="@file"/></code>
                <span class="count">
                  <xsl:value-of select="concat('（', @guideline, '・', count($clauses), ' 条項・', count($clauses/i:finding), ' 件）')"/>
                </span>
              </h2>
              <xsl:apply-templates select="$clauses"/>
            </section>
          </xsl:for-each>
          <xsl:if test="not(i:clause)">
            <p class="none"><xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.no-impact'"/></xsl:call-template></p>
          </xsl:if>
        </main>
        <xsl:text>&#10;</xsl:text>
        <footer class="colophon">
          <div class="wrap">
            <p>
              <xsl:value-of select="$title"/>
              <xsl:if test="string(@as-of) != ''"><xsl:value-of select="concat('（基準日 ', @as-of, '）')"/></xsl:if>
              <xsl:text>　guidekit impact</xsl:text>
            </p>
            <p class="no-print"><a href="{$home-href}"><xsl:value-of select="$home-label"/></a></p>
          </div>
        </footer>
        <xsl:text>&#10;</xsl:text>
      </body>
    </html>
  </xsl:template>

  <!-- ===== summary ===== -->

  <xsl:template name="summary">
    <section class="summary" aria-labelledby="gk-summary-h">
      <h2 id="gk-summary-h">概要</h2>
      <dl class="stats">
        <div class="stat"><dt>引用の総数</dt><dd><xsl:value-of select="number(@references)"/></dd></div>
        <div class="stat ok"><dt>変更なし</dt><dd><xsl:value-of select="number(@current)"/></dd></div>
        <div class="stat stale"><dt>要更新</dt><dd><xsl:value-of select="number(@stale)"/></dd></div>
        <div class="stat broken"><dt>参照切れ</dt><dd><xsl:value-of select="number(@broken)"/></dd></div>
        <xsl:if test="count(i:clause/i:finding[@not-fetched = 'true']) &gt; 0">
          <div class="stat"><dt><xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched'"/></xsl:call-template></dt><dd><xsl:value-of select="count(i:clause/i:finding[@not-fetched = 'true'])"/></dd></div>
        </xsl:if>
      </dl>
      <table class="by-status">
        <caption>状態別の件数（影響を受ける条項 <xsl:value-of select="count(i:clause)"/> 件）</caption>
        <thead>
          <tr><th scope="col">状態</th><th scope="col" class="n">件数</th><th scope="col">意味</th></tr>
        </thead>
        <tbody>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'modified'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'renumbered'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'deleted'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'withdrawn'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'unresolved'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'unverifiable'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'notFetched'"/></xsl:call-template>
          <xsl:call-template name="status-row"><xsl:with-param name="s" select="'upcoming'"/></xsl:call-template>
          <xsl:variable name="other" select="i:clause/i:finding[not(contains($statuses, concat(' ', @status, ' ')))]"/>
          <xsl:if test="$other">
            <tr>
              <th scope="row"><span class="badge st-other">その他</span></th>
              <td class="n"><xsl:value-of select="count($other)"/></td>
              <td>この版の表示で扱わない状態</td>
            </tr>
          </xsl:if>
        </tbody>
      </table>
      <xsl:if test="i:missing-source">
        <p class="missing" role="note">
          <xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched.sources'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="i:missing-source">
            <xsl:if test="position() &gt; 1">、</xsl:if>
            <code><xsl:value-of select="@id"/></code>
          </xsl:for-each>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="status-row">
    <xsl:param name="s"/>
    <!-- notFetched: the unverifiable findings whose source is not fetched, shown apart. -->
    <xsl:variable name="n" select="count(i:clause/i:finding[(@status = $s and not(@not-fetched = 'true')) or ($s = 'notFetched' and @not-fetched = 'true')])"/>
    <tr>
      <xsl:if test="$n = 0"><xsl:attribute name="class">zero</xsl:attribute></xsl:if>
      <th scope="row">
        <span class="badge st-{$s}"><xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template></span>
      </th>
      <td class="n"><xsl:value-of select="$n"/></td>
      <td><xsl:call-template name="status-help"><xsl:with-param name="s" select="$s"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- ===== table of contents ===== -->

  <xsl:template name="toc">
    <nav class="toc" aria-labelledby="gk-toc-h">
      <h2 id="gk-toc-h">目次</h2>
      <xsl:for-each select="$files">
        <xsl:variable name="clauses" select="key('by-file', @file)"/>
        <div class="toc-file">
          <p class="toc-fname"><a href="{concat('#f-', position())}"><code><xsl:value-of select="@file"/></code></a></p>
          <ol>
            <xsl:for-each select="$clauses">
              <li>
                <a>
                  <xsl:attribute name="href">#<xsl:call-template name="anchor"/></xsl:attribute>
                  <span class="toc-num"><xsl:value-of select="@num"/></span>
                  <span class="toc-title">
                    <xsl:choose>
                      <xsl:when test="string(@title) != ''"><xsl:value-of select="@title"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                </a>
                <span class="chips">
                  <xsl:call-template name="chips"><xsl:with-param name="f" select="i:finding"/></xsl:call-template>
                </span>
              </li>
            </xsl:for-each>
          </ol>
        </div>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <!-- Small status marks with counts: 改正2 廃止1. -->
  <xsl:template name="chips">
    <xsl:param name="f"/>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'modified'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'renumbered'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'deleted'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'withdrawn'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'unresolved'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'unverifiable'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'notFetched'"/></xsl:call-template>
    <xsl:call-template name="chip"><xsl:with-param name="f" select="$f"/><xsl:with-param name="s" select="'upcoming'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="chip">
    <xsl:param name="f"/>
    <xsl:param name="s"/>
    <xsl:variable name="n" select="count($f[(@status = $s and not(@not-fetched = 'true')) or ($s = 'notFetched' and @not-fetched = 'true')])"/>
    <xsl:if test="$n &gt; 0">
      <span class="chip st-{$s}">
        <xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        <xsl:if test="$n &gt; 1"><xsl:value-of select="concat('×', $n)"/></xsl:if>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- ===== one affected clause ===== -->

  <!-- A stable anchor: the file without guidelines/ and .xml, then the clause id. -->
  <xsl:template name="anchor">
    <xsl:variable name="f0">
      <xsl:choose>
        <xsl:when test="starts-with(@file, 'guidelines/')"><xsl:value-of select="substring-after(@file, 'guidelines/')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@file"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="f1">
      <xsl:choose>
        <xsl:when test="substring($f0, string-length($f0) - 3) = '.xml'"><xsl:value-of select="substring($f0, 1, string-length($f0) - 4)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$f0"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="translate(concat($f1, '--', @id), '/ &#9;&#10;&#13;#', '-_____')"/>
  </xsl:template>

  <xsl:template match="i:clause">
    <xsl:variable name="anchor"><xsl:call-template name="anchor"/></xsl:variable>
    <xsl:variable name="t" select="normalize-space(@title)"/>
    <section class="clause" id="{$anchor}" aria-labelledby="{concat($anchor, '-h')}">
      <h3 class="h-clause" id="{concat($anchor, '-h')}">
        <xsl:if test="string(@num) != ''"><span class="num"><xsl:value-of select="@num"/></span></xsl:if>
        <xsl:if test="string(@num) != '' and $t != ''"><span aria-hidden="true"><xsl:text>　</xsl:text></span></xsl:if>
        <xsl:if test="$t != ''"><span class="ttl"><xsl:value-of select="$t"/></span></xsl:if>
        <xsl:if test="string(@num) = '' and $t = ''"><span class="ttl"><xsl:value-of select="@id"/></span></xsl:if>
      </h3>
      <p class="where">
        <span class="kv"><span class="k">条項ID</span><code><xsl:value-of select="@id"/></code></span>
        <span class="kv"><span class="k">ファイル</span><code><xsl:value-of select="concat(@file, ':', @line)"/></code></span>
        <span class="chips"><xsl:call-template name="chips"><xsl:with-param name="f" select="i:finding"/></xsl:call-template></span>
      </p>
      <div class="pair">
        <div class="clause-text">
          <h4 class="side-h">条項の本文</h4>
          <xsl:variable name="lines" select="i:text/i:line[not(position() = 1 and normalize-space(.) = $t)]"/>
          <xsl:choose>
            <xsl:when test="$lines">
              <div class="ctext">
                <xsl:for-each select="$lines">
                  <p>
                    <xsl:if test="contains(substring(., 1, 5), '　')"><xsl:attribute name="class">hang</xsl:attribute></xsl:if>
                    <xsl:value-of select="."/>
                  </p>
                </xsl:for-each>
              </div>
            </xsl:when>
            <xsl:otherwise><p class="none">（本文なし）</p></xsl:otherwise>
          </xsl:choose>
        </div>
        <div class="findings">
          <h4 class="side-h">引用先の状態（<xsl:value-of select="count(i:finding)"/> 件）</h4>
          <xsl:apply-templates select="i:finding">
            <xsl:with-param name="anchor" select="$anchor"/>
          </xsl:apply-templates>
        </div>
      </div>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ===== one finding ===== -->

  <xsl:template match="i:finding">
    <xsl:param name="anchor"/>
    <xsl:variable name="s" select="string(@status)"/>
    <xsl:variable name="fid" select="concat($anchor, '-', position())"/>
    <xsl:variable name="href">
      <xsl:call-template name="ref-href">
        <xsl:with-param name="source" select="string(@source)"/>
        <xsl:with-param name="provision">
          <xsl:choose>
            <xsl:when test="string(@latest-provision) != ''"><xsl:value-of select="@latest-provision"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@provision"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <!-- The latest revision; a withdrawn or deleted provision where it last stood: its pin. -->
        <xsl:with-param name="pin">
          <xsl:choose>
            <xsl:when test="$s = 'withdrawn' or $s = 'deleted'"><xsl:value-of select="@pin"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@latest"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="ref-base" select="''"/>
        <xsl:with-param name="guideline-base" select="''"/>
        <xsl:with-param name="guideline-ids" select="''"/>
        <xsl:with-param name="nist-url" select="$nist-url"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="normalize-space(@label) != ''"><xsl:value-of select="normalize-space(@label)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(@source, ' ', @provision)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <article class="finding f-{$s}" id="{$fid}" aria-labelledby="{concat($fid, '-h')}">
      <h5 class="f-head" id="{concat($fid, '-h')}">
        <span class="badge st-{$s}">
          <xsl:choose>
            <xsl:when test="@not-fetched = 'true'"><xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="status-label"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="starts-with($href, 'https://')">
            <a class="prov" href="{$href}" rel="external"><xsl:value-of select="$label"/></a>
          </xsl:when>
          <xsl:otherwise><span class="prov"><xsl:value-of select="$label"/></span></xsl:otherwise>
        </xsl:choose>
      </h5>
      <p class="f-src">
        <code><xsl:value-of select="@source"/></code>
        <xsl:text> </xsl:text>
        <code><xsl:value-of select="@provision"/></code>
        <xsl:if test="string(@line) != ''">
          <span class="k">引用箇所</span><xsl:value-of select="concat(@line, '行目')"/>
        </xsl:if>
        <xsl:if test="normalize-space(i:ref-label) != '' and normalize-space(i:ref-label) != $label">
          <span class="k">本文の表記</span>「<xsl:value-of select="normalize-space(i:ref-label)"/>」
        </xsl:if>
      </p>
      <xsl:if test="@not-fetched = 'true'">
        <p class="f-fetch"><xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched.help'"/></xsl:call-template>。<code>guidekit sources fetch</code><xsl:text> </xsl:text><xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched.action'"/></xsl:call-template>。</p>
      </xsl:if>
      <xsl:if test="@pin or @latest or @upcoming">
        <div class="revs">
          <xsl:choose>
            <xsl:when test="string(@pin) != '' and @pin = @latest">
              <xsl:call-template name="rev">
                <xsl:with-param name="k" select="'確認した版（基準日の最新版）'"/>
                <xsl:with-param name="id" select="string(@pin)"/>
                <xsl:with-param name="date" select="string(@pin-date)"/>
                <xsl:with-param name="none" select="''"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="rev">
                <xsl:with-param name="k" select="'確認した版'"/>
                <xsl:with-param name="id" select="string(@pin)"/>
                <xsl:with-param name="date" select="string(@pin-date)"/>
                <xsl:with-param name="none" select="'（指定なし）'"/>
              </xsl:call-template>
              <span class="arrow" aria-hidden="true">→</span>
              <span class="visually-hidden">から</span>
              <xsl:call-template name="rev">
                <xsl:with-param name="k" select="'基準日の最新版'"/>
                <xsl:with-param name="id" select="string(@latest)"/>
                <xsl:with-param name="date" select="string(@latest-date)"/>
                <xsl:with-param name="none" select="'（不明）'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@upcoming or @upcoming-date">
            <span class="arrow" aria-hidden="true">→</span>
            <span class="visually-hidden">、</span>
            <xsl:call-template name="rev">
              <xsl:with-param name="k" select="'施行予定の版'"/>
              <xsl:with-param name="id" select="string(@upcoming)"/>
              <xsl:with-param name="date" select="string(@upcoming-date)"/>
              <xsl:with-param name="none" select="''"/>
              <xsl:with-param name="class" select="'rev next'"/>
            </xsl:call-template>
          </xsl:if>
        </div>
      </xsl:if>
      <!-- What the finding means, in the page's language (the English message is for text and SARIF). -->
      <xsl:if test="not(@not-fetched = 'true')">
        <p class="msg"><xsl:call-template name="term"><xsl:with-param name="id" select="concat('impact.', @status, '.help')"/></xsl:call-template>。</p>
      </xsl:if>
      <xsl:if test="string(@latest-provision) != ''">
        <p class="fact">
          <span class="k">現在の条番号</span>
          <code><del><xsl:value-of select="@provision"/></del></code>
          <span aria-hidden="true"> → </span><span class="visually-hidden">から</span>
          <code><ins><xsl:value-of select="@latest-provision"/></ins></code>
          <span class="hint">（参照の provision の更新が必要）</span>
        </p>
      </xsl:if>
      <xsl:if test="i:successor">
        <div class="fact">
          <span class="k">後継の管理策</span>
          <ul class="succ">
            <xsl:for-each select="i:successor">
              <li>
                <code><xsl:value-of select="@id"/></code>
                <xsl:choose>
                  <xsl:when test="@rel = 'incorporated-into'">（に統合）</xsl:when>
                  <xsl:when test="@rel = 'moved-to'">（へ移動）</xsl:when>
                  <xsl:otherwise><xsl:value-of select="concat('（', @rel, '）')"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:if>
      <xsl:if test="i:old or i:new">
        <div class="redline" role="group" aria-label="条文の新旧（取消線は削除、下線は追加）">
          <xsl:call-template name="side">
            <xsl:with-param name="side" select="i:old"/>
            <xsl:with-param name="class" select="'old'"/>
            <xsl:with-param name="head" select="'確認した版'"/>
            <xsl:with-param name="date" select="string(@pin-date)"/>
          </xsl:call-template>
          <xsl:call-template name="side">
            <xsl:with-param name="side" select="i:new"/>
            <xsl:with-param name="class" select="'new'"/>
            <xsl:with-param name="head">
              <xsl:choose>
                <xsl:when test="$s = 'upcoming'">施行予定の版</xsl:when>
                <xsl:otherwise>最新版</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="date">
              <xsl:choose>
                <xsl:when test="$s = 'upcoming' and @upcoming-date"><xsl:value-of select="@upcoming-date"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@latest-date"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </div>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- 確認した版 20260101_507AC0000000033 令和8年1月1日（2026-01-01） -->
  <xsl:template name="rev">
    <xsl:param name="k"/>
    <xsl:param name="id"/>
    <xsl:param name="date"/>
    <xsl:param name="none"/>
    <xsl:param name="class" select="'rev'"/>
    <span class="{$class}">
      <span class="k"><xsl:value-of select="$k"/></span>
      <xsl:choose>
        <xsl:when test="$id != ''"><code class="rid"><xsl:value-of select="$id"/></code></xsl:when>
        <xsl:when test="$date = ''"><span class="muted"><xsl:value-of select="$none"/></span></xsl:when>
      </xsl:choose>
      <xsl:if test="$date != ''">
        <span class="d">
          <xsl:call-template name="time-both"><xsl:with-param name="date" select="$date"/></xsl:call-template>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- One side of a redline. Sides longer than 3 lines fold runs of unchanged lines. -->
  <xsl:template name="side">
    <xsl:param name="side"/>
    <xsl:param name="class"/>
    <xsl:param name="head"/>
    <xsl:param name="date"/>
    <div class="side {$class}">
      <p class="side-label">
        <xsl:value-of select="$head"/>
        <xsl:if test="$date != ''">
          <xsl:text>（</xsl:text>
          <xsl:call-template name="wareki"><xsl:with-param name="date" select="$date"/></xsl:call-template>
          <xsl:text>）</xsl:text>
        </xsl:if>
      </p>
      <xsl:variable name="lines" select="$side/i:line"/>
      <xsl:variable name="fold" select="count($lines) &gt; 3"/>
      <xsl:variable name="fid" select="generate-id($side/..)"/>
      <xsl:variable name="o">
        <xsl:choose>
          <xsl:when test="$class = 'old'">new</xsl:when>
          <xsl:otherwise>old</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:for-each select="$lines">
        <!-- Kept: changed, the counterpart of a change, or a short first line (a caption). -->
        <xsl:variable name="keep" select="not($fold) or i:del or i:ins
            or not(key('same', concat($fid, $o, '|', .)))
            or (position() = 1 and string-length(.) &lt;= 40)"/>
        <xsl:variable name="prev" select="preceding-sibling::i:line[1]"/>
        <xsl:variable name="prev-folds" select="$prev and not($prev/i:del or $prev/i:ins)
            and key('same', concat($fid, $o, '|', $prev))
            and not(position() = 2 and string-length($prev) &lt;= 40)"/>
        <xsl:choose>
          <xsl:when test="$keep"><xsl:call-template name="rline"/></xsl:when>
          <xsl:when test="$prev-folds"/>
          <xsl:otherwise>
            <!-- The run of foldable lines that starts here. -->
            <xsl:variable name="stop" select="following-sibling::i:line[i:del or i:ins
                or not(key('same', concat($fid, $o, '|', .)))][1]"/>
            <xsl:variable name="from" select="position()"/>
            <xsl:variable name="to">
              <xsl:choose>
                <xsl:when test="$stop"><xsl:value-of select="count($stop/preceding-sibling::i:line)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="count($lines)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="run" select="$lines[position() &gt;= $from and position() &lt;= $to]"/>
            <xsl:choose>
              <xsl:when test="count($run) &gt; 1 or string-length(.) &gt; 200">
                <details class="fold">
                  <summary>
                    <xsl:value-of select="concat('（略）変更のない ', count($run), ' 行')"/>
                  </summary>
                  <xsl:for-each select="$run"><xsl:call-template name="rline"/></xsl:for-each>
                </details>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="rline"/></xsl:otherwise>
            </xsl:choose>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="not($lines)"><p class="l none">（なし）</p></xsl:if>
    </div>
  </xsl:template>

  <!-- A redline line: text with <del> / <ins>; hanging indent for numbered paragraphs (２　…). -->
  <xsl:template name="rline">
    <p>
      <xsl:attribute name="class">
        <xsl:text>l</xsl:text>
        <xsl:if test="contains(substring(., 1, 5), '　')"> hang</xsl:if>
        <xsl:if test="not(i:del or i:ins)"> same</xsl:if>
      </xsl:attribute>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::i:del"><del><xsl:value-of select="."/></del></xsl:when>
          <xsl:when test="self::i:ins"><ins><xsl:value-of select="."/></ins></xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- ===== labels ===== -->

  <xsl:template name="status-label">
    <xsl:param name="s"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('impact.', $s)"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="status-help">
    <xsl:param name="s"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('impact.', $s, '.help')"/></xsl:call-template>
  </xsl:template>

  <!-- ===== CSS ===== -->

  <xsl:template name="page-css">
    <xsl:text>
.wrap{max-width:88rem;margin:0 auto;padding:0 1.25rem}
.muted{color:var(--muted)}
.masthead{border-top:6px solid var(--accent);background:#fff}
.bar{border-bottom:1px solid var(--rule);background:var(--soft);font-size:.875rem}
.bar-inner{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem;padding-top:.45rem;padding-bottom:.45rem}
.bar a{color:var(--accent)}
.home::before{content:"‹";margin-right:.35em}
.titleblock{padding-top:1.5rem;padding-bottom:1.25rem;border-bottom:1px solid var(--rule)}
.kicker{margin:0 0 .3rem;color:var(--accent);font-weight:700;letter-spacing:.12em;font-size:.9375rem}
h1{font-size:1.5rem;font-weight:700;color:#111;margin:0 0 .5rem}
@media (min-width:48em){h1{font-size:1.875rem}}
.asof{margin:0;display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .6rem}
.asof .k{display:inline-block;background:var(--accent);color:#fff;font-size:.8125rem;font-weight:700;padding:0 .6em;border-radius:3px;letter-spacing:.1em}
.asof time{font-size:1.125rem;font-weight:700}
.asof .note{color:var(--muted);font-size:.875rem}
main{display:block;outline:none;padding-bottom:3rem}
code{font-family:"SFMono-Regular",Consolas,"Liberation Mono",Menlo,monospace;font-size:.86em;letter-spacing:0;overflow-wrap:anywhere}
h2{font-size:1.25rem;color:#111;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:3px double var(--accent)}
h2 .count{font-size:.875rem;font-weight:400;color:var(--muted);margin-left:.3em}
.summary h2{margin-top:1.5rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem;margin:0 0 1rem;max-width:48rem}
.stat{border:1px solid var(--rule);border-top:4px solid var(--accent);border-radius:4px;padding:.4rem .8rem .5rem;background:#fff}
.stat dt{font-size:.8125rem;color:var(--muted)}
.stat dd{margin:0;font-size:1.75rem;font-weight:700;line-height:1.3;font-variant-numeric:tabular-nums}
.stat.ok{border-top-color:#2f7d4f}
.stat.stale{border-top-color:#b4490a}
.stat.broken{border-top-color:#be123c}
.by-status{border-collapse:collapse;margin:.2rem 0 1rem;font-size:.9375rem;max-width:48rem;width:100%}
.by-status caption{text-align:left;font-weight:700;padding-bottom:.3rem;color:var(--accent)}
.by-status th,.by-status td{border-bottom:1px solid var(--rule);padding:.3rem .6rem;text-align:left;vertical-align:baseline}
.by-status thead th{font-size:.8125rem;color:var(--muted);font-weight:400;border-bottom:2px solid var(--rule)}
.by-status th[scope=row]{width:9rem;white-space:nowrap}
.by-status .n{text-align:right;font-variant-numeric:tabular-nums;width:4.5rem;font-weight:700}
.by-status tr.zero td{color:var(--muted)}
.by-status tr.zero td.n{font-weight:400}
.by-status tr.zero .badge{background:#fff;color:var(--muted);border-color:var(--rule)}
.missing{margin:.6rem 0 0;padding:.55rem .9rem;background:#fff4e5;border-left:4px solid #b4490a;max-width:48rem}
.none{color:var(--muted)}
.badge,.chip{display:inline-block;font-weight:700;letter-spacing:.06em;border-radius:3px;white-space:nowrap;color:#fff;background:#4b5563;border:1px solid transparent}
.badge{font-size:.8125rem;line-height:1.55;padding:0 .55em;vertical-align:.08em}
.chip{font-size:.6875rem;line-height:1.45;padding:0 .4em;margin-left:.25em;font-weight:400;letter-spacing:.02em}
.st-modified{background:#9a3412}
.st-renumbered{background:#1d4ed8}
.st-deleted{background:#7f1d1d}
.st-withdrawn{background:#6b21a8}
.st-unresolved{background:#fff;color:#be123c;border-color:#be123c}
.st-unverifiable{background:#4b5563}
.st-notFetched{background:#475569}
.st-upcoming{background:#0f766e}
.toc{margin:1rem 0 0}
.toc-file{margin:.4rem 0 1rem}
.toc-fname{margin:0 0 .2rem;font-weight:700}
.toc-fname a{color:var(--ink)}
.toc ol{list-style:none;margin:0;padding:0 0 0 .2rem;columns:3 20rem;column-gap:2rem;font-size:.9375rem;line-height:1.55}
.toc li{break-inside:avoid;margin:0 0 .25rem;padding-left:.6rem;border-left:2px solid var(--rule)}
.toc li a{text-decoration:none;color:var(--link)}
.toc li a:hover .toc-title{text-decoration:underline}
.toc-num{color:var(--accent);margin-right:.45em;font-variant-numeric:tabular-nums}
.toc-num:empty{display:none}
.toc .chips{white-space:normal}
.file{margin-top:1rem}
.h-file{font-size:1.125rem;border-bottom:2px solid var(--accent);margin-top:2.8rem}
.h-file code{font-size:.95em}
.clause{margin:1.6rem 0 0;padding:1rem 0 1.2rem;border-top:1px solid var(--rule);scroll-margin-top:.5rem}
.file>.clause:first-of-type{border-top:0;padding-top:0}
.clause:target{outline:3px solid var(--focus);outline-offset:4px}
.h-clause{font-size:1.1875rem;padding-left:.7rem;border-left:5px solid var(--accent)}
.h-clause .num{color:var(--accent)}
.where{margin:.35rem 0 .8rem;font-size:.8125rem;color:var(--muted);display:flex;flex-wrap:wrap;align-items:baseline;gap:.1rem .5rem}
.where .k,.f-src .k{color:var(--muted);font-size:.75rem;border:1px solid var(--rule);border-radius:2px;padding:0 .35em;margin-right:.2em;background:var(--soft)}
.where code{color:var(--ink);margin-right:.6rem}
.kv{display:inline-flex;align-items:baseline;gap:.1rem;min-width:0}
.pair{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
.side-h{font-size:.875rem;color:var(--muted);font-weight:700;margin:0 0 .4rem;letter-spacing:.08em}
.clause-text{background:var(--accent-soft);border-radius:4px;padding:.7rem 1rem .4rem}
.ctext p{margin:0 0 .5rem;text-align:justify;text-justify:inter-character}
.ctext p.hang{padding-left:1em;text-indent:-1em}
.finding{border:1px solid var(--rule);border-left:5px solid #4b5563;border-radius:4px;padding:.6rem .9rem .7rem;margin:0 0 .9rem;background:#fff}
.finding:target{outline:3px solid var(--focus)}
.f-modified{border-left-color:#9a3412}
.f-renumbered{border-left-color:#1d4ed8}
.f-deleted{border-left-color:#7f1d1d}
.f-withdrawn{border-left-color:#6b21a8}
.f-unresolved{border-left-color:#be123c;border-left-style:dashed}
.f-upcoming{border-left-color:#0f766e}
.f-head{font-size:1.0625rem;font-weight:700;line-height:1.6;letter-spacing:.02em}
.f-head .prov{color:#111}
.f-head a.prov{color:var(--link)}
.f-src{margin:.15rem 0 .4rem;font-size:.8125rem;color:var(--muted);display:flex;flex-wrap:wrap;align-items:baseline;gap:.1rem .45rem}
.f-src .k{margin-left:.5rem}
.revs{display:flex;flex-wrap:wrap;align-items:stretch;gap:.35rem .5rem;margin:.3rem 0 .5rem;font-size:.875rem;line-height:1.5}
.rev{display:flex;flex-direction:column;border:1px solid var(--rule);border-radius:4px;padding:.25rem .6rem;background:var(--soft);min-width:0}
.rev.next{border-color:#0f766e;background:#effaf8}
.rev .k{font-size:.75rem;color:var(--muted)}
.rev .rid{font-size:.8125rem}
.rev .d{white-space:nowrap}
.revs .arrow{align-self:center;color:var(--muted);font-size:1.1rem}
.msg{margin:.2rem 0 .5rem;font-size:.9375rem}
.msg[lang=en]{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:0;color:#333}
.fact{margin:.2rem 0 .5rem;font-size:.9375rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .5rem}
.fact .k{font-size:.8125rem;font-weight:700;color:var(--accent)}
.fact .hint{color:var(--muted);font-size:.8125rem}
.succ{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.redline{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,19rem),1fr));gap:.6rem;margin-top:.6rem}
.side{border:1px solid var(--rule);border-radius:4px;padding:.3rem .7rem .4rem;font-size:.9375rem;line-height:1.8;min-width:0}
.side.old{background:#fcfcfd}
.side.new{background:#fff}
.side-label{margin:0 0 .3rem;font-size:.75rem;font-weight:700;color:var(--muted);letter-spacing:.08em;border-bottom:1px dotted var(--rule)}
.l{margin:.15rem 0}
.l.hang{padding-left:1em;text-indent:-1em}
.l.same{color:#4a4f57}
.fold{margin:.2rem 0;color:var(--muted)}
.fold>summary{cursor:pointer;font-size:.8125rem;list-style-position:inside;padding:.05rem .3rem;border:1px dashed var(--rule);border-radius:3px;width:fit-content}
.fold[open]>summary{margin-bottom:.2rem}
ins{text-decoration:underline;text-decoration-color:#1a7f37;text-decoration-thickness:2px;text-underline-offset:.22em;background:#dafbe1;color:#0f3d1c}
del{text-decoration:line-through;text-decoration-color:#b3001e;text-decoration-thickness:1.5px;background:#ffebe9;color:#82071e}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(100%);white-space:nowrap}
ins::before{content:"［追加］"}
ins::after{content:"［追加ここまで］"}
del::before{content:"［削除］"}
del::after{content:"［削除ここまで］"}
.colophon{border-top:1px solid var(--rule);background:var(--soft);padding:1.25rem 0 2rem;font-size:.875rem;color:var(--muted);margin-top:2rem}
.colophon p{margin:.2rem 0}
@media (min-width:64em){
  .pair{grid-template-columns:minmax(16rem,5fr) minmax(0,11fr);gap:1.5rem;align-items:start}
  .clause-text{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}
}
@media (max-width:40em){
  .wrap{padding:0 .9rem}
  .finding{padding:.5rem .7rem .6rem}
  .revs{flex-direction:column}
  .revs .arrow{transform:rotate(90deg);align-self:flex-start;margin-left:1rem;line-height:1}
  .toc ol{columns:1}
  .by-status th[scope=row]{width:auto}
  .by-status td{font-size:.875rem}
}
@media print{
  @page{size:A4;margin:15mm 14mm 18mm}
  .wrap{max-width:none;padding:0}
  .masthead{border-top:0}
  .titleblock{padding-top:0;border-bottom:1.5pt solid #000}
  .asof .k{background:none;color:#000;border:1pt solid #000}
  h1{font-size:17pt}
  h2{border-bottom-color:#000}
  .stat{border-color:#000}
  .toc ol{columns:2}
  .toc li a{color:#000}
  .clause{break-before:auto}
  .h-clause,.where,.f-head,.side-label{break-after:avoid;page-break-after:avoid}
  .pair{grid-template-columns:minmax(0,1fr)}
  .clause-text{background:none;border:1pt solid #888;position:static;max-height:none;overflow:visible}
  .finding{break-inside:auto;border-color:#888}
  .rev,.rev.next{background:none}
  .badge,.chip{background:none!important;color:#000!important;border:1pt solid #000!important}
  .redline{grid-template-columns:1fr 1fr}
  .side{font-size:9pt;line-height:1.6}
  ins{background:none;color:#000;text-decoration-color:#000}
  del{background:none;color:#000;text-decoration-color:#000}
  .colophon{background:none;color:#000}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
