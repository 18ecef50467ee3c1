<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site document (urn:guidekit:site:1) → index.html: every guideline with its editions (newest
  first, dates in 和暦 and 西暦, links to the page, text, 新旧対照表, redline and notice), the
  reference check (impact report) and the reference sources. Standalone HTML5, no JavaScript.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:guidekit:site:1"
    exclude-result-prefixes="s">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="css-extra" select="''"/>
  <!-- The Atom feed (feed.xsl), linked from the head and the footer; '' for none. -->
  <xsl:param name="feed-href" select="'feed.xml'"/>

  <xsl:variable name="site" select="/s:site"/>

  <xsl:template match="/">
    <xsl:if test="not($site)">
      <xsl:message terminate="yes">site-index: the root element is not a site (urn:guidekit:site:1)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$site"/>
  </xsl:template>

  <xsl:template match="s:site">
    <html lang="ja">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="normalize-space(@title)"/></title>
        <meta name="generator" content="guidekit"/>
        <xsl:if test="$feed-href != ''">
          <link rel="alternate" type="application/atom+xml" title="{concat(normalize-space(@title), '（更新情報）')}">
            <xsl:attribute name="href"><xsl:call-template name="safe-href"><xsl:with-param name="href" select="$feed-href"/></xsl:call-template></xsl:attribute>
          </link>
        </xsl:if>
        <style>
          <xsl:call-template name="base-page-css"/>
          <xsl:call-template name="site-css"/>
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
          <div class="wrap">
            <h1><xsl:value-of select="normalize-space(@title)"/></h1>
            <xsl:if test="@updated">
              <p class="updated">
                <xsl:text>最終更新：</xsl:text>
                <xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@updated)"/></xsl:call-template>
              </p>
            </xsl:if>
          </div>
        </header>
        <nav class="wrap pagenav" aria-label="このページの内容">
          <ul>
            <xsl:for-each select="s:guideline">
              <li><a href="#g-{@id}"><xsl:value-of select="normalize-space(s:title)"/></a></li>
            </xsl:for-each>
            <xsl:if test="s:impact">
              <li><a href="#gk-impact">引用条項の確認状況</a></li>
            </xsl:if>
            <xsl:if test="s:reference-source">
              <li><a href="#gk-references">参照資料</a></li>
            </xsl:if>
          </ul>
        </nav>
        <main id="gk-main" class="wrap" tabindex="-1">
          <xsl:apply-templates select="s:guideline"/>
          <xsl:apply-templates select="s:impact"/>
          <xsl:if test="s:reference-source">
            <section class="block" id="gk-references" aria-labelledby="gk-references-h">
              <h2 id="gk-references-h">参照資料</h2>
              <p class="note">ガイドラインが引用している条項集である。</p>
              <ul class="refs">
                <xsl:for-each select="s:reference-source">
                  <li>
                    <xsl:call-template name="link">
                      <xsl:with-param name="href" select="@href"/>
                      <xsl:with-param name="text">
                        <xsl:choose>
                          <xsl:when test="normalize-space(@title) != ''"><xsl:value-of select="normalize-space(@title)"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:call-template>
                    <span class="id"><xsl:value-of select="concat('（', @id, '）')"/></span>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </main>
        <footer class="colophon">
          <div class="wrap">
            <p><xsl:value-of select="normalize-space(@title)"/></p>
            <xsl:if test="$feed-href != ''">
              <p>
                <xsl:call-template name="link">
                  <xsl:with-param name="href" select="$feed-href"/>
                  <xsl:with-param name="text" select="'更新情報（Atom フィード）'"/>
                </xsl:call-template>
              </p>
            </xsl:if>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- An <a> with a safe href, or nothing when the href is empty. -->
  <xsl:template name="link">
    <xsl:param name="href"/>
    <xsl:param name="text"/>
    <xsl:param name="class" select="''"/>
    <xsl:if test="normalize-space($href) != ''">
      <a>
        <xsl:attribute name="href"><xsl:call-template name="safe-href"><xsl:with-param name="href" select="$href"/></xsl:call-template></xsl:attribute>
        <xsl:if test="$class != ''"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
        <xsl:copy-of select="$text"/>
      </a>
    </xsl:if>
  </xsl:template>

  <!-- ===== guidelines ===== -->

  <xsl:template match="s:guideline">
    <section class="block guideline" id="g-{@id}" aria-labelledby="g-{@id}-h">
      <h2 id="g-{@id}-h">
        <xsl:value-of select="normalize-space(s:title)"/>
      </h2>
      <p class="gl-issuer"><xsl:value-of select="@issuer"/></p>
      <ol class="editions">
        <xsl:for-each select="s:edition">
          <xsl:sort select="@issued" order="descending"/>
          <xsl:sort select="number(@latest = 'true')" data-type="number" order="descending"/>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:variable name="latest" select="@latest = 'true'"/>
    <li>
      <xsl:attribute name="class">edition<xsl:if test="$latest"> latest</xsl:if></xsl:attribute>
      <article aria-labelledby="e-{../@id}-{translate(@version, '.', '_')}">
        <h3 id="e-{../@id}-{translate(@version, '.', '_')}">
          <xsl:if test="$latest"><span class="badge-latest">最新版</span></xsl:if>
          <xsl:if test="@status = 'draft'"><xsl:call-template name="draft-mark-html"/></xsl:if>
          <xsl:variable name="title">
            <xsl:choose>
              <xsl:when test="normalize-space(s:title) != ''"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space(../s:title)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="normalize-space(@href) != ''">
              <xsl:call-template name="link">
                <xsl:with-param name="href" select="@href"/>
                <xsl:with-param name="text" select="string($title)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
          </xsl:choose>
        </h3>
        <dl class="dates">
          <div><dt><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.version'"/></xsl:call-template></dt><dd><xsl:value-of select="@version"/></dd></div>
          <div>
            <dt><xsl:call-template name="term"><xsl:with-param name="id" select="'date.issued'"/></xsl:call-template></dt>
            <dd><xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@issued)"/><xsl:with-param name="wareki" select="string(@issued-wareki)"/></xsl:call-template></dd>
          </div>
          <xsl:if test="@effective">
            <div>
              <dt><xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template></dt>
              <dd><xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@effective)"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
        <xsl:if test="normalize-space(s:summary) != ''">
          <p class="summary"><xsl:value-of select="normalize-space(s:summary)"/></p>
        </xsl:if>
        <ul class="docs">
          <xsl:attribute name="aria-label"><xsl:value-of select="concat(@version, ' の資料')"/></xsl:attribute>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.page'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@text-href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.text'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@table-href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.table'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@redline-href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.redline'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@notice-href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.notice'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@notice-text-href"/><xsl:with-param name="text"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.notice-text'"/></xsl:call-template></xsl:with-param></xsl:call-template>
        </ul>
      </article>
    </li>
  </xsl:template>

  <xsl:template name="doc-link">
    <xsl:param name="href"/>
    <xsl:param name="text"/>
    <xsl:if test="normalize-space($href) != ''">
      <li>
        <xsl:call-template name="link">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </li>
    </xsl:if>
  </xsl:template>

  <!-- ===== reference check ===== -->

  <xsl:template match="s:impact">
    <section class="block impact" id="gk-impact" aria-labelledby="gk-impact-h">
      <h2 id="gk-impact-h">引用条項の確認状況</h2>
      <p>
        <xsl:if test="@as-of">
          <xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@as-of)"/></xsl:call-template>
          <xsl:text>時点で、</xsl:text>
        </xsl:if>
        <xsl:text>ガイドラインが引用する法令の条項・管理策を、その最新の版と照合した結果である。</xsl:text>
      </p>
      <ul class="stats">
        <li><span class="k">引用</span><span class="v"><xsl:value-of select="@references"/></span><span class="u">件</span></li>
        <li>
          <xsl:attribute name="class">stat<xsl:if test="number(@stale) &gt; 0"> warn</xsl:if></xsl:attribute>
          <span class="k">改正等により見直しが必要</span><span class="v"><xsl:value-of select="@stale"/></span><span class="u">件</span>
        </li>
        <li>
          <xsl:attribute name="class">stat<xsl:if test="number(@broken) &gt; 0"> bad</xsl:if></xsl:attribute>
          <span class="k">引用先が見つからない</span><span class="v"><xsl:value-of select="@broken"/></span><span class="u">件</span>
        </li>
      </ul>
      <xsl:if test="s:missing-source">
        <p class="missing" role="note">
          <xsl:call-template name="term"><xsl:with-param name="id" select="'impact.notFetched.sources'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="s:missing-source">
            <xsl:if test="position() &gt; 1">、</xsl:if>
            <code><xsl:value-of select="@id"/></code>
          </xsl:for-each>
        </p>
      </xsl:if>
      <ul class="docs">
        <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@href"/><xsl:with-param name="text" select="'確認結果の詳細'"/></xsl:call-template>
        <xsl:call-template name="doc-link"><xsl:with-param name="href" select="@json-href"/><xsl:with-param name="text" select="'JSON形式'"/></xsl:call-template>
      </ul>
    </section>
  </xsl:template>

  <!-- ===== CSS ===== -->

  <xsl:template name="site-css">
    <xsl:text>
.wrap{max-width:52rem;margin:0 auto;padding:0 1.25rem}
.masthead{border-top:6px solid var(--accent);border-bottom:1px solid var(--rule);background:var(--soft);padding:1.75rem 0 1.25rem}
h1{font-size:1.625rem;color:#111}
@media (min-width:48em){h1{font-size:2rem}}
.updated{margin:.4rem 0 0;color:var(--muted);font-size:.9375rem}
.pagenav{margin-top:1rem;font-size:.9375rem}
.pagenav ul{display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;list-style:none;margin:0;padding:0}
.pagenav li::before{content:"›";color:var(--accent);margin-right:.35em}
main{display:block;outline:none;padding-bottom:2rem}
.block{margin:2.25rem 0 0}
.block>h2{font-size:1.3125rem;padding:.1rem 0 .4rem .75rem;border-left:6px solid var(--accent);border-bottom:1px solid var(--rule)}
.gl-issuer{margin:.4rem 0 1rem;color:var(--muted);font-size:.9375rem;letter-spacing:.1em}
.editions{list-style:none;margin:0;padding:0}
.edition{border:1px solid var(--rule);border-radius:4px;padding:1rem 1.25rem;margin:0 0 .9rem;background:#fff}
.edition.latest{border-color:var(--accent);border-width:1px 1px 1px 5px}
.edition h3{font-size:1.0625rem;line-height:1.6}
.badge-latest{display:inline-block;background:var(--accent);color:#fff;font-size:.75rem;font-weight:700;padding:.05rem .5rem;border-radius:3px;margin-right:.6rem;vertical-align:.15em;letter-spacing:.08em}
.dates{display:flex;flex-wrap:wrap;gap:.1rem 2rem;margin:.4rem 0 .5rem;font-size:.875rem}
.dates div{display:flex;gap:.6em}
.dates dt{color:var(--muted)}
.dates dd{margin:0}
.summary{margin:.3rem 0 .6rem;font-size:.9375rem}
.docs{display:flex;flex-wrap:wrap;gap:.35rem .5rem;list-style:none;margin:.5rem 0 0;padding:0;font-size:.875rem}
.docs a{display:inline-block;border:1px solid var(--rule);border-radius:3px;padding:.15rem .7rem;text-decoration:none;background:var(--soft)}
.docs a:hover,.docs a:focus{border-color:var(--link);text-decoration:underline}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:.8rem 0;padding:0}
.stats li{display:flex;align-items:baseline;gap:.4em;border:1px solid var(--rule);border-radius:4px;padding:.35rem .8rem}
.stats .k{font-size:.8125rem;color:var(--muted)}
.stats .v{font-size:1.25rem;font-weight:700;color:var(--accent);font-variant-numeric:tabular-nums}
.stats .u{font-size:.8125rem;color:var(--muted)}
.stats .warn{border-color:#a86a00;background:#fdf6e7}
.stats .warn .v{color:#8a5600}
.stats .bad{border-color:#8b1a1a;background:#f9ecec}
.stats .bad .v{color:#8b1a1a}
.missing{border-left:4px solid #8b1a1a;background:#f9ecec;padding:.5rem .8rem;font-size:.9375rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.note{color:var(--muted);font-size:.9375rem}
.refs{padding-left:1.4em;list-style-type:"・"}
.refs .id{color:var(--muted);font-size:.875rem}
.colophon{border-top:1px solid var(--rule);background:var(--soft);padding:1rem 0 2rem;margin-top:3rem;font-size:.875rem;color:var(--muted)}
.colophon p{margin:.2rem 0}
@media print{
  @page{size:A4;margin:18mm 16mm}
  .pagenav,.colophon{display:none}
  .masthead{background:none;border-top:0}
  .edition{break-inside:avoid}
  .docs a{border:0;background:none;padding:0}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
