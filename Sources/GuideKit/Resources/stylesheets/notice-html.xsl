<?xml version="1.0" encoding="UTF-8"?>
<!--
  A notice document (urn:guidekit:notice:1) → the publication notice page (公表のお知らせ), laid
  out as ministries publish them: the date (和暦 and 西暦) and the issuer at the top right, the
  title 「「…」の公表」, then numbered sections 概要, 主な改定内容, 公表資料, 適用日 and
  問い合わせ先. Standalone HTML5, inline CSS, no JavaScript.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:n="urn:guidekit:notice:1"
    exclude-result-prefixes="n">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="css-extra" select="''"/>
  <xsl:param name="home-href" select="'../index.html'"/>
  <xsl:param name="home-label" select="'ガイドライン一覧'"/>
  <!-- Appended to the quoted title: 「「…」の公表」. -->
  <xsl:param name="title-suffix" select="'の公表'"/>
  <!-- Where refs in the summary point (as in guideline-html.xsl). -->
  <xsl:param name="ref-base" select="'../references/'"/>
  <xsl:param name="guideline-base" select="'../'"/>
  <xsl:param name="guideline-ids" select="''"/>
  <xsl:param name="nist-url" select="'https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_0/home?element='"/>

  <xsl:variable name="n" select="/n:notice"/>
  <xsl:variable name="edition-href" select="string($n/n:links/n:link[@rel = 'edition'][1]/@href)"/>
  <xsl:variable name="table-href" select="string($n/n:links/n:link[@rel = 'table'][1]/@href)"/>

  <!-- Section numbers: only the sections present are numbered. -->
  <xsl:variable name="has-changes" select="boolean($n/n:changes)"/>
  <xsl:variable name="has-links" select="boolean($n/n:links/n:link)"/>
  <xsl:variable name="has-effective" select="boolean($n/n:effective/@iso)"/>
  <xsl:variable name="no-changes" select="1 + number($has-changes)"/>
  <xsl:variable name="no-links" select="$no-changes + number($has-links)"/>
  <xsl:variable name="no-effective" select="$no-links + number($has-effective)"/>
  <xsl:variable name="no-contact" select="$no-effective + 1"/>

  <xsl:template match="/">
    <xsl:if test="not($n)">
      <xsl:message terminate="yes">notice-html: the root element is not a notice (urn:guidekit:notice:1)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$n"/>
  </xsl:template>

  <xsl:template match="n:notice">
    <xsl:variable name="lang">
      <xsl:choose>
        <xsl:when test="string(@lang) != ''"><xsl:value-of select="@lang"/></xsl:when>
        <xsl:otherwise>ja</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="@status = 'draft'"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:if>
          <xsl:call-template name="notice-title"/>
          <xsl:value-of select="concat('｜', normalize-space(n:issuer))"/>
        </title>
        <meta name="generator" content="guidekit"/>
        <style>
          <xsl:call-template name="base-page-css"/>
          <xsl:call-template name="notice-css"/>
          <xsl:call-template name="replace">
            <xsl:with-param name="s" select="$css-extra"/>
            <xsl:with-param name="from" select="'&lt;'"/>
            <xsl:with-param name="to" select="'\3C '"/>
          </xsl:call-template>
        </style>
      </head>
      <body>
        <a class="skip" href="#gk-main">本文へ移動</a>
        <header class="masthead">
          <div class="bar">
            <nav class="wrap bar-inner" aria-label="サイト内の位置">
              <a class="home" href="{$home-href}"><xsl:value-of select="$home-label"/></a>
              <span class="crumb" aria-current="page">公表のお知らせ</span>
            </nav>
          </div>
        </header>
        <main id="gk-main" tabindex="-1">
          <article class="notice wrap">
            <div class="dateline">
              <p class="date">
                <xsl:call-template name="time-both">
                  <xsl:with-param name="date" select="string(n:date/@iso)"/>
                  <xsl:with-param name="wareki" select="string(n:date/@wareki)"/>
                </xsl:call-template>
              </p>
              <p class="issuer"><xsl:value-of select="normalize-space(n:issuer)"/></p>
            </div>
            <h1><xsl:if test="@status = 'draft'"><xsl:call-template name="draft-mark-html"/></xsl:if><xsl:call-template name="notice-title"/></h1>
            <xsl:if test="@status = 'draft'"><xsl:call-template name="draft-note-html"/></xsl:if>

            <section aria-labelledby="s-summary">
              <h2 id="s-summary"><span class="sno">１</span>概要</h2>
              <p class="lead"><xsl:call-template name="lead"/></p>
              <xsl:apply-templates select="n:summary"/>
            </section>

            <xsl:if test="$has-changes">
              <section aria-labelledby="s-changes">
                <h2 id="s-changes">
                  <span class="sno"><xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no-changes"/></xsl:call-template></span>
                  <xsl:text>主な改定内容</xsl:text>
                </h2>
                <xsl:apply-templates select="n:changes"/>
              </section>
            </xsl:if>

            <xsl:if test="$has-links">
              <section aria-labelledby="s-links">
                <h2 id="s-links">
                  <span class="sno"><xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no-links"/></xsl:call-template></span>
                  <xsl:text>公表資料</xsl:text>
                </h2>
                <ul class="links">
                  <xsl:for-each select="n:links/n:link">
                    <li class="rel-{@rel}">
                      <xsl:variable name="href"><xsl:call-template name="safe-href"><xsl:with-param name="href" select="@href"/></xsl:call-template></xsl:variable>
                      <a href="{$href}"><xsl:value-of select="normalize-space(.)"/></a>
                      <span class="fmt">
                        <xsl:choose>
                          <xsl:when test="@rel = 'text'">（テキスト形式）</xsl:when>
                          <xsl:otherwise>（HTML形式）</xsl:otherwise>
                        </xsl:choose>
                      </span>
                      <span class="print-href"><xsl:value-of select="$href"/></span>
                    </li>
                  </xsl:for-each>
                </ul>
              </section>
            </xsl:if>

            <xsl:if test="$has-effective">
              <section aria-labelledby="s-effective">
                <h2 id="s-effective">
                  <span class="sno"><xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no-effective"/></xsl:call-template></span>
                  <xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template>
                </h2>
                <p>
                  <xsl:call-template name="time-both">
                    <xsl:with-param name="date" select="string(n:effective/@iso)"/>
                    <xsl:with-param name="wareki" select="string(n:effective/@wareki)"/>
                  </xsl:call-template>
                  <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.effective-from'"/></xsl:call-template>
                </p>
              </section>
            </xsl:if>

            <section class="contact" aria-labelledby="s-contact">
              <h2 id="s-contact">
                <span class="sno"><xsl:call-template name="zenkaku-digits"><xsl:with-param name="n" select="$no-contact"/></xsl:call-template></span>
                <xsl:text>問い合わせ先</xsl:text>
              </h2>
              <div class="contact-box">
                <p>
                  <xsl:choose>
                    <xsl:when test="normalize-space(n:contact) != ''"><xsl:apply-templates select="n:contact/node()" mode="inline"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="normalize-space(n:issuer)"/></xsl:otherwise>
                  </xsl:choose>
                </p>
              </div>
            </section>
          </article>
        </main>
        <footer class="colophon">
          <div class="wrap">
            <p><xsl:value-of select="normalize-space(n:issuer)"/></p>
            <p class="no-print"><a href="{$home-href}"><xsl:value-of select="$home-label"/></a></p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- 「「title」の公表」 -->
  <xsl:template name="notice-title">
    <xsl:value-of select="concat('「', normalize-space($n/n:title), '」', $title-suffix)"/>
  </xsl:template>

  <!-- The opening sentence: what was published, and which edition it revises. -->
  <xsl:template name="lead">
    <xsl:value-of select="normalize-space($n/n:issuer)"/>
    <xsl:text>は、</xsl:text>
    <xsl:choose>
      <xsl:when test="$n/n:previous">
        <xsl:call-template name="time-both">
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

  <!-- ===== 主な改定内容 ===== -->

  <xsl:template match="n:changes">
    <ul class="counts" aria-label="改定した項目の数">
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'added'"/><xsl:with-param name="value" select="@added"/></xsl:call-template>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'modified'"/><xsl:with-param name="value" select="@modified"/></xsl:call-template>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'removed'"/><xsl:with-param name="value" select="@removed"/></xsl:call-template>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'moved'"/><xsl:with-param name="value" select="@moved"/></xsl:call-template>
      <xsl:call-template name="count"><xsl:with-param name="kind" select="'renumbered'"/><xsl:with-param name="value" select="@renumbered"/></xsl:call-template>
      <xsl:if test="number(@citation) &gt; 0">
        <xsl:call-template name="count"><xsl:with-param name="kind" select="'citation'"/><xsl:with-param name="value" select="@citation"/></xsl:call-template>
      </xsl:if>
    </ul>
    <xsl:if test="n:change">
      <table class="changes">
        <caption>主な改定箇所</caption>
        <thead>
          <tr><th scope="col" class="c-kind">区分</th><th scope="col" class="c-item">項目</th><th scope="col" class="c-path">位置</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="n:change">
            <tr>
              <td class="c-kind">
                <span class="kind kind-{@kind}">
                  <xsl:call-template name="kind-label"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
                </span>
              </td>
              <th scope="row" class="c-item">
                <xsl:variable name="label">
                  <xsl:if test="@num"><span class="cnum"><xsl:value-of select="@num"/></span></xsl:if>
                  <xsl:value-of select="@title"/>
                  <xsl:if test="not(@title) and not(@num)"><xsl:value-of select="@id"/></xsl:if>
                </xsl:variable>
                <xsl:choose>
                  <xsl:when test="@kind != 'removed' and $edition-href != '' and @id">
                    <xsl:variable name="h"><xsl:call-template name="safe-href"><xsl:with-param name="href" select="$edition-href"/></xsl:call-template></xsl:variable>
                    <a href="{concat($h, '#', @id)}"><xsl:copy-of select="$label"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:copy-of select="$label"/></xsl:otherwise>
                </xsl:choose>
              </th>
              <td class="c-path"><xsl:call-template name="path-display"><xsl:with-param name="path" select="@path"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
    <xsl:if test="$table-href != ''">
      <p class="see">
        <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.see-table.before'"/></xsl:call-template>
        <a><xsl:attribute name="href"><xsl:call-template name="safe-href"><xsl:with-param name="href" select="$table-href"/></xsl:call-template></xsl:attribute><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.table'"/></xsl:call-template></a>
        <xsl:call-template name="term"><xsl:with-param name="id" select="'sentence.see-table.after'"/></xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="count">
    <xsl:param name="kind"/>
    <xsl:param name="value"/>
    <li class="count count-{$kind}">
      <span class="count-kind"><xsl:call-template name="kind-label"><xsl:with-param name="kind" select="$kind"/></xsl:call-template></span>
      <span class="count-n">
        <xsl:choose>
          <xsl:when test="string($value) != ''"><xsl:value-of select="$value"/></xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </span>
      <span class="count-unit">項目</span>
    </li>
  </xsl:template>

  <!-- ===== summary ===== -->

  <!--
    Swift flattens list items and notes into paragraphs with their label ("・　…", "①　…",
    "注　…"): a run of such paragraphs becomes one list whose items hang on their labels.
  -->
  <xsl:template match="n:summary">
    <xsl:for-each select="*">
      <xsl:variable name="label"><xsl:call-template name="label-of"/></xsl:variable>
      <xsl:variable name="prev-label">
        <xsl:for-each select="preceding-sibling::*[1]"><xsl:call-template name="label-of"/></xsl:for-each>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$label = ''"><xsl:apply-templates select="." mode="block"/></xsl:when>
        <xsl:when test="$prev-label = ''">
          <ul class="labeled-list">
            <xsl:call-template name="labeled-run"/>
          </ul>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The item label of a flattened paragraph (text only), or ''. -->
  <xsl:template name="label-of">
    <xsl:if test="local-name() = 'p' and not(*)">
      <xsl:call-template name="item-label"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- This labelled paragraph and the labelled ones right after it, as list items. -->
  <xsl:template name="labeled-run">
    <xsl:variable name="label"><xsl:call-template name="label-of"/></xsl:variable>
    <li>
      <xsl:if test="$label = '注'"><xsl:attribute name="class">note-item</xsl:attribute></xsl:if>
      <span class="item-label"><xsl:value-of select="$label"/></span>
      <span class="item-text">
        <xsl:call-template name="item-rest">
          <xsl:with-param name="text" select="string(.)"/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
      </span>
    </li>
    <xsl:for-each select="following-sibling::*[1]">
      <xsl:variable name="next"><xsl:call-template name="label-of"/></xsl:variable>
      <xsl:if test="$next != ''"><xsl:call-template name="labeled-run"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== summary blocks (p, list/item, note; any namespace) ===== -->

  <xsl:template match="*[local-name() = 'p']" mode="block">
    <p><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="*[local-name() = 'list']" mode="block">
    <ul class="summary-list">
      <xsl:for-each select="*[local-name() = 'item']">
        <li><xsl:apply-templates mode="inline"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="*[local-name() = 'note']" mode="block">
    <p class="note"><span class="note-label">注</span><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <p><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:call-template name="flow"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*[local-name() = 'em']" mode="inline"><em><xsl:apply-templates mode="inline"/></em></xsl:template>
  <xsl:template match="*[local-name() = 'term']" mode="inline"><dfn><xsl:apply-templates mode="inline"/></dfn></xsl:template>
  <xsl:template match="*[local-name() = 'ref']" mode="inline">
    <xsl:variable name="href">
      <xsl:call-template name="ref-href">
        <xsl:with-param name="source" select="string(@source)"/>
        <xsl:with-param name="provision" select="string(@provision)"/>
        <xsl:with-param name="pin" select="string(@pin)"/>
        <xsl:with-param name="ref-base" select="$ref-base"/>
        <xsl:with-param name="guideline-base" select="$guideline-base"/>
        <xsl:with-param name="guideline-ids" select="$guideline-ids"/>
        <xsl:with-param name="nist-url" select="$nist-url"/>
      </xsl:call-template>
    </xsl:variable>
    <a href="{$href}">
      <xsl:attribute name="title">
        <xsl:value-of select="concat(@source, ' / ', @provision)"/>
        <xsl:if test="@pin"><xsl:value-of select="concat(' / ', @pin)"/></xsl:if>
      </xsl:attribute>
      <xsl:apply-templates mode="inline"/>
    </a>
  </xsl:template>
  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

  <!-- ===== CSS ===== -->

  <xsl:template name="notice-css">
    <xsl:text>
.wrap{max-width:46rem;margin:0 auto;padding:0 1.25rem}
.masthead{border-top:6px solid var(--accent)}
.bar{border-bottom:1px solid var(--rule);background:var(--soft);font-size:.875rem}
.bar-inner{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding-top:.45rem;padding-bottom:.45rem}
.bar a{color:var(--accent)}
.home::before{content:"‹";margin-right:.35em}
.crumb{color:var(--muted)}
.crumb::before{content:"／";margin-right:1rem;color:var(--rule)}
main{display:block;outline:none}
.notice{padding-top:2rem;padding-bottom:3rem}
.dateline{text-align:right;margin-bottom:2.25rem}
.dateline p{margin:0;line-height:1.7}
.dateline .iso{display:block}
@media (min-width:40em){.dateline .iso{display:inline}}
.dateline .issuer{margin-top:.2rem;font-weight:700;letter-spacing:.15em}
h1{font-size:1.375rem;text-align:center;margin:0 0 2.25rem;line-height:1.6;text-wrap:balance}
@media (min-width:48em){h1{font-size:1.5rem}}
section{margin:0 0 2rem}
h2{font-size:1.125rem;margin:0 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}
.sno{display:inline-block;min-width:1.5em;margin-right:.5em;color:var(--accent)}
section>p,.lead{text-indent:1em}
@media (min-width:40em){section>p,.lead{text-align:justify;text-justify:inter-character}}
section>p,section>ul,.see{margin-left:1em}
.summary-list{padding-left:1.5em;list-style-type:"・"}
.labeled-list{list-style:none;padding:0;margin:0 0 .8em 1em}
.labeled-list li{display:flex;gap:.4em;margin:.25rem 0}
.item-label{flex:0 0 auto;color:var(--accent);min-width:1em}
.note-item .item-label{font-weight:700;color:var(--muted)}
.summary-list li{margin:.25rem 0}
.note{background:var(--soft);padding:.5rem .8rem;text-indent:0!important;font-size:.9375rem}
.note-label{font-weight:700;color:var(--muted);margin-right:.6em}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0 0 1.25rem 1em}
.count{display:flex;align-items:baseline;gap:.35em;border:1px solid var(--rule);border-radius:4px;padding:.3rem .75rem;background:#fff}
.count-kind{color:var(--muted);font-size:.875rem}
.count-n{font-size:1.25rem;font-weight:700;color:var(--accent);font-variant-numeric:tabular-nums}
.count-unit{font-size:.8125rem;color:var(--muted)}
table.changes{width:calc(100% - 1em);margin:0 0 1rem 1em;border-collapse:collapse;font-size:.9375rem;line-height:1.6}
.changes caption{text-align:left;font-weight:700;padding:0 0 .4rem;color:var(--ink)}
.changes th,.changes td{border:1px solid var(--rule);padding:.45rem .6rem;vertical-align:top;text-align:left}
.changes thead th{background:var(--soft);font-weight:700;font-size:.875rem;white-space:nowrap}
.changes tbody th{font-weight:400}
.c-kind{width:5.5em;white-space:nowrap}
.c-item{width:44%}
.c-path{color:#333;font-size:.875rem}
.cnum{display:inline-block;margin-right:.5em;color:var(--accent);font-variant-numeric:tabular-nums}
.kind{display:inline-block;padding:0 .45em;border-radius:3px;font-size:.8125rem;font-weight:700;border:1px solid}
.kind-added{color:#0d5b2a;border-color:#0d5b2a;background:#eaf5ee}
.kind-modified{color:#1c3d6e;border-color:#1c3d6e;background:#e9eef6}
.kind-removed{color:#8b1a1a;border-color:#8b1a1a;background:#f9ecec}
.kind-moved,.kind-renumbered,.kind-citation{color:#5a4a00;border-color:#8a7400;background:#faf6e3}
.links{list-style:none;padding:0}
.links li{margin:.35rem 0;padding-left:1.1em;text-indent:-1.1em}
.links li::before{content:"・";color:var(--accent)}
.fmt{color:var(--muted);font-size:.875rem}
.print-href{display:none}
.contact-box{margin-left:auto;max-width:30rem;border:1px solid var(--ink);padding:.75rem 1rem}
.contact-box p{margin:0;text-indent:0!important;text-align:left}
.contact h2{border-bottom:0}
.colophon{border-top:1px solid var(--rule);background:var(--soft);padding:1rem 0 2rem;font-size:.875rem;color:var(--muted)}
.colophon p{margin:.2rem 0}
@media (max-width:34em){
  table.changes,.changes tbody,.changes tr,.changes td,.changes tbody th{display:block;width:auto}
  .changes thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  .changes tr{border:1px solid var(--rule);margin-bottom:.5rem;padding:.35rem .6rem}
  .changes caption{display:block;padding-bottom:.4rem}
  .changes th,.changes td{border:0;padding:.1rem 0}
}
@media print{
  @page{size:A4;margin:20mm 20mm 22mm}
  .masthead,.colophon{display:none}
  .wrap{max-width:none;padding:0}
  .notice{padding-top:0}
  .count{border-color:#000}
  .count-n{color:#000}
  .kind{background:none!important;color:#000!important;border-color:#000!important}
  .changes thead th{background:none}
  .changes th,.changes td{border-color:#000}
  .print-href{display:inline;font-size:9pt;color:#333;margin-left:.5em}
  .print-href::before{content:"（"}
  .print-href::after{content:"）"}
  .contact-box{border-color:#000}
  section{break-inside:avoid-page}
  table.changes{break-inside:auto}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
