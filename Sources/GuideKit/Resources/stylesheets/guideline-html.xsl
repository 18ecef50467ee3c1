<?xml version="1.0" encoding="UTF-8"?>
<!--
  One guideline edition (urn:guidekit:guideline:1) → a standalone, accessible HTML5 page.
  Landmarks header / nav (table of contents) / main / footer, a skip link, one heading level per
  structure level, a stable anchor per chapter, section and clause id, edition metadata in 和暦 and
  西暦, level and audience badges, references as links. Inline CSS, no JavaScript.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:guidekit:guideline:1"
    exclude-result-prefixes="g">

  <xsl:include href="page-common.xsl"/>
  <xsl:include href="xref.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- Extra CSS appended after the built-in rules. -->
  <xsl:param name="css-extra" select="''"/>
  <!-- The site index, and its link text. -->
  <xsl:param name="home-href" select="'../index.html'"/>
  <xsl:param name="home-label" select="'ガイドライン一覧'"/>
  <!-- Related pages shown in the header when non-empty. -->
  <xsl:param name="table-href" select="''"/>
  <xsl:param name="notice-href" select="''"/>
  <xsl:param name="redline-href" select="''"/>
  <xsl:param name="text-href" select="''"/>
  <!-- Where references point (see ref-href in page-common.xsl). -->
  <xsl:param name="ref-base" select="'../references/'"/>
  <xsl:param name="guideline-base" select="'../'"/>
  <xsl:param name="guideline-ids" select="''"/>
  <!-- Prefix of figure images (publish copies them to <version>/ beside the page). -->
  <xsl:param name="figure-base" select="''"/>
  <xsl:param name="nist-url" select="'https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_0/home?element='"/>

  <xsl:variable name="g" select="/g:guideline"/>
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="string($g/@xml:lang) != ''"><xsl:value-of select="$g/@xml:lang"/></xsl:when>
      <xsl:otherwise>ja</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="en" select="starts-with($lang, 'en')"/>

  <!-- ===== page ===== -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$g"><xsl:apply-templates select="$g"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">guideline-html: the root element is not a guideline (urn:guidekit:guideline:1)</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:guideline">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:if test="@status = 'draft'"><xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template></xsl:if><xsl:value-of select="normalize-space(g:title)"/><xsl:text>｜</xsl:text><xsl:value-of select="normalize-space(g:issuer)"/></title>
        <meta name="generator" content="guidekit"/>
        <meta name="description">
          <xsl:attribute name="content">
            <xsl:value-of select="normalize-space(g:title)"/>
            <xsl:value-of select="concat('（', normalize-space(g:issuer), '）')"/>
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
      <body>
        <a class="skip" href="#gk-main">
          <xsl:choose><xsl:when test="$en">Skip to the text</xsl:when><xsl:otherwise>本文へ移動</xsl:otherwise></xsl:choose>
        </a>
        <xsl:call-template name="masthead"/>
        <div class="layout">
          <nav class="toc no-print" id="gk-toc">
            <xsl:attribute name="aria-label"><xsl:choose><xsl:when test="$en">Contents</xsl:when><xsl:otherwise>目次</xsl:otherwise></xsl:choose></xsl:attribute>
            <details open="open">
              <summary><xsl:choose><xsl:when test="$en">Contents</xsl:when><xsl:otherwise>目次</xsl:otherwise></xsl:choose></summary>
              <ol class="toc-l1">
                <xsl:if test="g:summary">
                  <li class="toc-summary"><a href="#gk-summary"><xsl:call-template name="summary-heading"/></a></li>
                </xsl:if>
                <xsl:apply-templates select="g:chapter | g:appendix" mode="toc"/>
              </ol>
            </details>
          </nav>
          <main id="gk-main" tabindex="-1">
            <xsl:apply-templates select="g:summary"/>
            <xsl:apply-templates select="g:chapter | g:appendix"/>
          </main>
        </div>
        <footer class="colophon">
          <div class="wrap">
            <p>
              <xsl:value-of select="normalize-space(g:title)"/>
              <xsl:text>　</xsl:text>
              <xsl:value-of select="normalize-space(g:issuer)"/>
            </p>
            <xsl:if test="g:contact">
              <p>
                <span class="lbl"><xsl:choose><xsl:when test="$en">Contact: </xsl:when><xsl:otherwise>問い合わせ先：</xsl:otherwise></xsl:choose></span>
                <xsl:apply-templates select="g:contact/node()" mode="inline"/>
              </p>
            </xsl:if>
            <p class="no-print"><a href="{$home-href}"><xsl:value-of select="$home-label"/></a></p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Header: site bar with related pages, then the title block with the edition's metadata. -->
  <xsl:template name="masthead">
    <header class="masthead">
      <div class="bar no-print">
        <div class="wrap bar-inner">
          <a class="home" href="{$home-href}"><xsl:value-of select="$home-label"/></a>
          <xsl:if test="$notice-href != '' or $table-href != '' or $redline-href != '' or $text-href != ''">
            <nav class="related">
              <xsl:attribute name="aria-label"><xsl:choose><xsl:when test="$en">Related documents</xsl:when><xsl:otherwise>関連資料</xsl:otherwise></xsl:choose></xsl:attribute>
              <ul>
                <xsl:if test="$notice-href != ''">
                  <li><a href="{$notice-href}"><xsl:choose><xsl:when test="$en">Notice</xsl:when><xsl:otherwise>公表のお知らせ</xsl:otherwise></xsl:choose></a></li>
                </xsl:if>
                <xsl:if test="$table-href != ''">
                  <li><a href="{$table-href}"><xsl:choose><xsl:when test="$en">Comparison table</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.table'"/></xsl:call-template></xsl:otherwise></xsl:choose></a></li>
                </xsl:if>
                <xsl:if test="$redline-href != ''">
                  <li><a href="{$redline-href}"><xsl:choose><xsl:when test="$en">Changes marked</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.redline'"/></xsl:call-template></xsl:otherwise></xsl:choose></a></li>
                </xsl:if>
                <xsl:if test="$text-href != ''">
                  <li><a href="{$text-href}"><xsl:choose><xsl:when test="$en">Plain text</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.text'"/></xsl:call-template></xsl:otherwise></xsl:choose></a></li>
                </xsl:if>
              </ul>
            </nav>
          </xsl:if>
        </div>
      </div>
      <div class="wrap titleblock">
        <p class="issuer"><xsl:value-of select="normalize-space(g:issuer)"/></p>
        <h1><xsl:if test="$g/@status = 'draft'"><xsl:call-template name="draft-mark-html"/></xsl:if><xsl:apply-templates select="g:title/node()" mode="inline"/></h1>
        <xsl:if test="$g/@status = 'draft'"><xsl:call-template name="draft-note-html"/></xsl:if>
        <dl class="meta">
          <div>
            <dt><xsl:choose><xsl:when test="$en">Issuer</xsl:when><xsl:otherwise>発行者</xsl:otherwise></xsl:choose></dt>
            <dd><xsl:value-of select="normalize-space(g:issuer)"/></dd>
          </div>
          <div>
            <dt><xsl:choose><xsl:when test="$en">Version</xsl:when><xsl:otherwise>版</xsl:otherwise></xsl:choose></dt>
            <dd>
              <xsl:value-of select="@version"/>
              <xsl:if test="@supersedes">
                <span class="muted">
                  <xsl:choose>
                    <xsl:when test="$en"><xsl:value-of select="concat(' (supersedes ', @supersedes, ')')"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="concat('（', @supersedes, ' を改定）')"/></xsl:otherwise>
                  </xsl:choose>
                </span>
              </xsl:if>
            </dd>
          </div>
          <div>
            <dt><xsl:choose><xsl:when test="$en">Issued</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'date.issued'"/></xsl:call-template></xsl:otherwise></xsl:choose></dt>
            <dd><xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@issued)"/></xsl:call-template></dd>
          </div>
          <xsl:if test="@planned">
            <div>
              <dt><xsl:choose><xsl:when test="$en">Planned</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'date.planned'"/></xsl:call-template></xsl:otherwise></xsl:choose></dt>
              <dd><xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@planned)"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="@effective">
            <div>
              <dt><xsl:choose><xsl:when test="$en">Effective</xsl:when><xsl:otherwise><xsl:call-template name="term"><xsl:with-param name="id" select="'date.effective'"/></xsl:call-template></xsl:otherwise></xsl:choose></dt>
              <dd><xsl:call-template name="time-both"><xsl:with-param name="date" select="string(@effective)"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
      </div>
    </header>
  </xsl:template>

  <xsl:template name="summary-heading">
    <xsl:choose>
      <xsl:when test="$en and $g/@supersedes">Summary of the revision</xsl:when>
      <xsl:when test="$en">Summary</xsl:when>
      <xsl:when test="$g/@supersedes">改定の概要</xsl:when>
      <xsl:otherwise>概要</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== table of contents ===== -->

  <xsl:template match="g:chapter | g:section | g:clause | g:appendix" mode="toc">
    <li>
      <a href="#{@id}">
        <xsl:if test="@num">
          <span class="toc-num"><xsl:value-of select="@num"/></span>
        </xsl:if>
        <span class="toc-title">
          <xsl:choose>
            <xsl:when test="g:title"><xsl:value-of select="normalize-space(g:title)"/></xsl:when>
            <xsl:when test="not(@num)"><xsl:value-of select="@id"/></xsl:when>
          </xsl:choose>
        </span>
      </a>
      <xsl:if test="g:section | g:clause">
        <ol>
          <xsl:apply-templates select="g:section | g:clause" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ===== structure ===== -->

  <xsl:template match="g:summary">
    <section class="summary" id="gk-summary" aria-labelledby="gk-summary-h">
      <h2 id="gk-summary-h"><xsl:call-template name="summary-heading"/></h2>
      <xsl:apply-templates select="g:p | g:list | g:note"/>
      <xsl:call-template name="footnotes"/>
    </section>
  </xsl:template>

  <!-- Heading element for a depth: h2… h6, deeper levels as role=heading with aria-level. -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$level &lt;= 6">
        <xsl:element name="h{$level}">
          <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
          <xsl:copy-of select="$content"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p role="heading" aria-level="{$level}" class="{$class} h-deep">
          <xsl:copy-of select="$content"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="heading-content">
    <xsl:if test="@num">
      <span class="num"><xsl:value-of select="@num"/></span>
    </xsl:if>
    <xsl:if test="@num and g:title"><span class="sep" aria-hidden="true"><xsl:text>　</xsl:text></span></xsl:if>
    <xsl:if test="g:title">
      <span class="ttl"><xsl:apply-templates select="g:title/node()" mode="inline"/></span>
    </xsl:if>
    <xsl:if test="not(@num) and not(g:title)">
      <span class="ttl"><xsl:value-of select="@id"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:chapter | g:section | g:appendix">
    <xsl:variable name="level" select="count(ancestor-or-self::g:chapter | ancestor-or-self::g:section | self::g:appendix) + 1"/>
    <section id="{@id}">
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="self::g:chapter">chapter</xsl:when>
          <xsl:when test="self::g:appendix">chapter appendix</xsl:when>
          <xsl:otherwise>sec</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="class" select="concat('h-', local-name())"/>
        <xsl:with-param name="content">
          <xsl:call-template name="heading-content"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="g:p | g:list | g:note | g:table">
        <div class="intro">
          <xsl:apply-templates select="g:p | g:list | g:note | g:table | g:figure"/>
        </div>
      </xsl:if>
      <xsl:apply-templates select="g:section | g:clause"/>
      <xsl:if test="self::g:chapter or self::g:appendix"><xsl:call-template name="footnotes"/></xsl:if>
    </section>
  </xsl:template>

  <!-- The footnotes of the current chapter or summary, numbered through the edition (注1, 注2 …). -->
  <xsl:template name="footnotes">
    <xsl:variable name="notes" select=".//g:fn"/>
    <xsl:if test="$notes">
      <aside class="footnotes" role="doc-footnote">
        <xsl:attribute name="aria-label"><xsl:call-template name="term"><xsl:with-param name="id" select="'fn.heading'"/></xsl:call-template></xsl:attribute>
        <ol class="fn-list">
          <xsl:for-each select="$notes">
            <xsl:variable name="n"><xsl:number level="any" count="g:fn"/></xsl:variable>
            <li id="gk-fn-{$n}">
              <span class="fn-num"><xsl:call-template name="term"><xsl:with-param name="id" select="'fn.label'"/></xsl:call-template><xsl:value-of select="$n"/></span>
              <xsl:text>　</xsl:text>
              <xsl:apply-templates mode="inline"/>
              <xsl:text> </xsl:text>
              <a class="fn-back no-print" href="#gk-fnref-{$n}"><xsl:attribute name="aria-label"><xsl:call-template name="term"><xsl:with-param name="id" select="'fn.back'"/></xsl:call-template></xsl:attribute>↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template match="g:clause">
    <xsl:variable name="level" select="count(ancestor::g:chapter | ancestor::g:section | ancestor::g:appendix) + 2"/>
    <section id="{@id}">
      <xsl:attribute name="class">
        <xsl:text>clause</xsl:text>
        <xsl:if test="@level"><xsl:value-of select="concat(' lv-', @level)"/></xsl:if>
      </xsl:attribute>
      <div class="clause-head">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="$level"/>
          <xsl:with-param name="class" select="'h-clause'"/>
          <xsl:with-param name="content">
            <xsl:call-template name="heading-content"/>
          </xsl:with-param>
        </xsl:call-template>
        <a class="permalink no-print" href="#{@id}">
          <xsl:attribute name="aria-label">
            <xsl:choose>
              <xsl:when test="$en"><xsl:value-of select="concat('Link to ', @num, ' ', normalize-space(g:title))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat(@num, normalize-space(g:title), 'へのリンク')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:text>#</xsl:text>
        </a>
      </div>
      <xsl:if test="@level or normalize-space(@audience) != ''">
        <p class="tags">
          <xsl:if test="@level">
            <span class="badge level-{@level}">
              <span class="visually-hidden"><xsl:choose><xsl:when test="$en">Level: </xsl:when><xsl:otherwise>対策の水準：</xsl:otherwise></xsl:choose></span>
              <xsl:call-template name="level-label"><xsl:with-param name="level" select="@level"/></xsl:call-template>
            </span>
          </xsl:if>
          <xsl:if test="normalize-space(@audience) != ''">
            <span class="aud-label"><xsl:choose><xsl:when test="$en">For: </xsl:when><xsl:otherwise>対象</xsl:otherwise></xsl:choose></span>
            <xsl:call-template name="audiences">
              <xsl:with-param name="list" select="concat(normalize-space(@audience), ' ')"/>
            </xsl:call-template>
          </xsl:if>
        </p>
      </xsl:if>
      <div class="body">
        <xsl:apply-templates select="g:p | g:list | g:note | g:table | g:figure"/>
      </div>
    </section>
  </xsl:template>

  <!-- Space-separated audience tokens → badges. -->
  <xsl:template name="audiences">
    <xsl:param name="list"/>
    <xsl:if test="contains($list, ' ')">
      <xsl:variable name="a" select="substring-before($list, ' ')"/>
      <span class="aud aud-{$a}">
        <xsl:call-template name="audience-label"><xsl:with-param name="a" select="$a"/></xsl:call-template>
      </span>
      <xsl:call-template name="audiences"><xsl:with-param name="list" select="substring-after($list, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== blocks ===== -->

  <xsl:template match="g:p">
    <p><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="g:list">
    <xsl:choose>
      <xsl:when test="g:item[@num]">
        <ol class="labeled">
          <xsl:for-each select="g:item">
            <li>
              <span class="label"><xsl:value-of select="@num"/></span>
              <span class="item-text"><xsl:apply-templates mode="inline"/></span>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:when>
      <xsl:when test="@type = 'ordered'">
        <ol><xsl:for-each select="g:item"><li><xsl:apply-templates mode="inline"/></li></xsl:for-each></ol>
      </xsl:when>
      <xsl:otherwise>
        <ul><xsl:for-each select="g:item"><li><xsl:apply-templates mode="inline"/></li></xsl:for-each></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="g:note">
    <div class="note" role="note">
      <span class="note-label"><xsl:choose><xsl:when test="$en">Note</xsl:when><xsl:otherwise>注</xsl:otherwise></xsl:choose></span>
      <p><xsl:apply-templates mode="inline"/></p>
    </div>
  </xsl:template>

  <!-- ===== figures ===== -->

  <xsl:template match="g:figure">
    <figure class="gk-figure" id="{@id}">
      <img src="{concat($figure-base, @src)}" alt="{@alt}" loading="lazy"/>
      <figcaption>
        <xsl:if test="@num"><span class="num"><xsl:value-of select="@num"/></span><xsl:text>　</xsl:text></xsl:if>
        <xsl:apply-templates select="g:caption/node()" mode="inline"/>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- ===== tables ===== -->

  <xsl:template match="g:table">
    <div class="table-wrap">
      <table class="gk-table" id="{@id}">
        <caption>
          <xsl:if test="@num"><span class="num"><xsl:value-of select="@num"/></span><xsl:text>　</xsl:text></xsl:if>
          <xsl:apply-templates select="g:caption/node()" mode="inline"/>
        </caption>
        <xsl:if test="g:thead">
          <thead>
            <xsl:for-each select="g:thead/g:row">
              <tr id="{@id}"><xsl:apply-templates select="g:cell"><xsl:with-param name="head" select="true()"/></xsl:apply-templates></tr>
            </xsl:for-each>
          </thead>
        </xsl:if>
        <tbody>
          <xsl:for-each select="g:tbody/g:row">
            <tr id="{@id}"><xsl:apply-templates select="g:cell"/></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="g:cell">
    <xsl:param name="head" select="false()"/>
    <xsl:variable name="name"><xsl:choose><xsl:when test="$head">th</xsl:when><xsl:otherwise>td</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:element name="{$name}">
      <xsl:if test="$head"><xsl:attribute name="scope">col</xsl:attribute></xsl:if>
      <xsl:if test="@rowspan &gt; 1"><xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
      <xsl:if test="@colspan &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="g:p | g:list"><xsl:apply-templates select="g:p | g:list"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- ===== inline ===== -->

  <xsl:template match="text()" mode="inline">
    <xsl:call-template name="flow"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="g:em" mode="inline">
    <em><xsl:apply-templates mode="inline"/></em>
  </xsl:template>

  <xsl:template match="g:term" mode="inline">
    <dfn><xsl:apply-templates mode="inline"/></dfn>
  </xsl:template>

  <xsl:template match="g:ref" mode="inline">
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
    <a class="ref" href="{$href}">
      <xsl:if test="starts-with($href, 'http')"><xsl:attribute name="rel">external</xsl:attribute></xsl:if>
      <xsl:attribute name="title">
        <xsl:value-of select="concat(@source, ' / ', @provision)"/>
        <xsl:if test="@pin"><xsl:value-of select="concat(' / ', @pin)"/></xsl:if>
      </xsl:attribute>
      <xsl:apply-templates mode="inline"/>
    </a>
  </xsl:template>

  <!-- A footnote's mark: its number through the edition, linked to the note. -->
  <xsl:template match="g:fn" mode="inline">
    <xsl:variable name="n"><xsl:number level="any" count="g:fn"/></xsl:variable>
    <sup class="fnref"><a id="gk-fnref-{$n}" href="#gk-fn-{$n}" role="doc-noteref"><xsl:call-template name="term"><xsl:with-param name="id" select="'fn.label'"/></xsl:call-template><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <!-- A cross-reference: the target's current number, linked to its anchor. -->
  <xsl:template match="g:xref" mode="inline">
    <xsl:variable name="label"><xsl:call-template name="xref-label"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="key('gk-xref-target', string(@target))">
        <xsl:variable name="title"><xsl:call-template name="xref-title"/></xsl:variable>
        <a class="xref" href="#{@target}">
          <xsl:if test="$title != ''"><xsl:attribute name="title"><xsl:value-of select="$title"/></xsl:attribute></xsl:if>
          <xsl:value-of select="$label"/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="xref missing"><xsl:value-of select="$label"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Unknown elements (a newer vocabulary): their text. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- ===== CSS ===== -->

  <xsl:template name="page-css">
    <xsl:text>
.gk-figure{margin:1rem 0}
.gk-figure img{max-width:100%;height:auto;border:1px solid var(--rule)}
.gk-figure figcaption{font-weight:bold;font-size:.95em;padding-top:.25rem}
.table-wrap{overflow-x:auto;margin:.75rem 0}
.gk-table{border-collapse:collapse;font-size:.95em}
.gk-table caption{text-align:left;font-weight:bold;padding:.25rem 0}
.gk-table th,.gk-table td{border:1px solid var(--rule);padding:.35rem .6rem;vertical-align:top;text-align:left}
.gk-table th{background:var(--soft)}
.gk-table td p{margin:0}
.footnotes{margin:1rem 0 1.5rem;padding-top:.5rem;border-top:1px solid var(--rule);font-size:.9em}
.fn-list{list-style:none;margin:0;padding:0}
.fn-list li{margin:.25rem 0;padding-left:3.5em;text-indent:-3.5em}
.fnref{font-size:.75em;line-height:0}
.fn-num{font-weight:bold}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.muted{color:var(--muted)}
.masthead{border-top:6px solid var(--accent);background:#fff}
.bar{border-bottom:1px solid var(--rule);background:var(--soft);font-size:.875rem}
.bar-inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1.5rem;padding-top:.45rem;padding-bottom:.45rem}
.bar a{color:var(--accent)}
.home::before{content:"‹";margin-right:.35em}
.related ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
.titleblock{padding-top:1.75rem;padding-bottom:1.5rem;border-bottom:1px solid var(--rule)}
.issuer{margin:0 0 .35rem;color:var(--accent);font-weight:700;letter-spacing:.12em}
h1{font-size:1.5rem;font-weight:700;color:#111;margin:0 0 1rem}
@media (min-width:48em){h1{font-size:1.875rem}}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(19rem,1fr));gap:0 2.5rem;margin:0;font-size:.9375rem;max-width:46rem}
.meta div{display:flex;gap:1em;border-top:1px dotted var(--rule);padding:.3rem 0}
.meta dt{flex:0 0 4em;color:var(--muted)}
.meta .iso{white-space:nowrap}
.meta dd{margin:0}
.layout{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.toc{margin:1.25rem 0;font-size:.9375rem;line-height:1.6}
.toc details{border:1px solid var(--rule);border-radius:4px;background:#fff}
.toc summary{cursor:pointer;padding:.6rem .9rem;font-weight:700;color:var(--accent);background:var(--soft);border-radius:4px}
.toc ol{list-style:none;margin:0;padding:0}
.toc-l1{padding:.5rem .9rem .9rem!important;max-height:60vh;overflow:auto}
.toc-l1>li{margin-top:.55rem}
.toc-l1>li>a{font-weight:700}
.toc ol ol{padding-left:1.1em;border-left:1px solid var(--rule);margin:.2rem 0 .2rem .35em}
.toc ol ol li{margin:.1rem 0}
.toc a{display:flex;gap:.6em;text-decoration:none;color:var(--ink);padding:.05rem 0}
.toc a:hover .toc-title,.toc a:focus .toc-title{text-decoration:underline}
.toc-num{flex:0 0 auto;min-width:1.8em;color:var(--accent);font-variant-numeric:tabular-nums}
.toc-l1>li>a .toc-num{min-width:0}
main{display:block;outline:none;padding-bottom:3rem;max-width:46rem}
@media (min-width:40em){main p{text-align:justify;text-justify:inter-character}}
.summary{margin:2rem 0 1rem;padding:1.25rem 1.5rem;background:var(--accent-soft);border-left:4px solid var(--accent)}
.summary h2{font-size:1.125rem;color:var(--accent);margin-bottom:.6rem}
.summary>:last-child{margin-bottom:0}
.chapter{margin-top:2.5rem}
.h-chapter{font-size:1.375rem;color:#111;padding:.2rem 0 .5rem;border-bottom:3px double var(--accent);margin-bottom:1.1rem}
.h-chapter .num{color:var(--accent)}
.sec{margin-top:2rem}
h3.h-section{font-size:1.1875rem;padding:.15rem 0 .15rem .7rem;border-left:5px solid var(--accent);margin-bottom:.9rem}
h4.h-section,h5.h-section,h6.h-section,.h-deep.h-section{font-size:1.0625rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule);margin-bottom:.8rem}
.intro{margin-bottom:1rem}
.clause{margin:1.6rem 0 0;scroll-margin-top:1rem}
.chapter,.sec{scroll-margin-top:1rem}
.clause-head{display:flex;align-items:baseline;gap:.5rem}
.h-clause{font-size:1.0625rem;font-weight:700}
.h-clause .num{color:var(--accent)}
.permalink{font-size:.875rem;color:var(--muted)!important;text-decoration:none;opacity:.35}
.clause:hover .permalink,.permalink:focus{opacity:1}
.tags{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .4rem;margin:.3rem 0 .6rem;font-size:.8125rem;line-height:1.5;text-align:left!important}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:3px;font-weight:700;letter-spacing:.08em;border:1px solid}
.level-basic{background:#1c3d6e;border-color:#1c3d6e;color:#fff}
.level-advanced{background:#fff;border-color:#8a4b08;color:#8a4b08}
.aud-label{color:var(--muted);margin-left:.3rem}
.aud-label:first-child{margin-left:0}
.aud{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:var(--soft);border:1px solid var(--rule);color:#333}
.clause>.body,.clause>.tags{padding-left:.5rem}
@media (min-width:40em){.clause>.body,.clause>.tags{padding-left:1.3rem}}
.body>p,.intro>p,.summary>p{text-indent:1em}
.body ul,.body ol,.intro ul,.intro ol,.summary ul,.summary ol{margin:.2rem 0 .9rem;padding-left:1.6em}
ul{list-style-type:"・"}
ul li::marker{color:var(--accent)}
li{margin:.2rem 0}
ol.labeled{list-style:none;padding-left:0!important}
ol.labeled li{display:flex;gap:.5em}
ol.labeled .label{flex:0 0 auto;min-width:1.5em;color:var(--accent)}
.note{display:flex;gap:.75em;margin:.5rem 0 .9rem;padding:.55rem .9rem;background:var(--soft);border-radius:3px;font-size:.9375rem}
.note-label{flex:0 0 auto;font-weight:700;color:var(--muted);border:1px solid var(--muted);border-radius:2px;padding:0 .3em;height:1.6em;line-height:1.5;font-size:.8125rem;margin-top:.2em}
.note p{margin:0;text-indent:0!important;text-align:left}
a.ref{overflow-wrap:anywhere}
.colophon{border-top:1px solid var(--rule);background:var(--soft);padding:1.25rem 0 2rem;font-size:.875rem;color:var(--muted);margin-top:2rem}
.colophon p{margin:.2rem 0}
.lbl{color:var(--muted)}
@media (min-width:68rem){
  .layout{display:grid;grid-template-columns:17.5rem minmax(0,46rem);gap:3.5rem;align-items:start}
  .toc{position:sticky;top:0;margin:1.5rem 0;max-height:100vh;overflow:auto}
  .toc details{border:0;background:transparent}
  .toc summary{background:transparent;padding:.4rem 0;border-bottom:1px solid var(--rule);border-radius:0}
  .toc-l1{padding:.3rem 0 1rem!important;max-height:none;overflow:visible}
  main{padding-top:.5rem}
}
@media print{
  @page{size:A4;margin:18mm 16mm 20mm}
  .bar,.toc,.permalink,.colophon .no-print{display:none!important}
  .layout,.wrap{max-width:none;padding:0;display:block}
  .masthead{border-top:0}
  .titleblock{padding-top:0;border-bottom:1.5pt solid #000}
  h1{font-size:18pt}
  main{max-width:none}
  .summary{background:none;border:1pt solid #000;border-left-width:3pt}
  .chapter{break-before:page;page-break-before:always;margin-top:0}
  .h-chapter{font-size:15pt;border-bottom-color:#000}
  .clause{break-inside:auto}
  .clause-head,.tags{break-after:avoid;page-break-after:avoid}
  .level-basic{background:none;color:#000;border-color:#000}
  .level-advanced{color:#000;border-color:#000;border-style:dashed}
  .aud{background:none;border-color:#666}
  .note{background:none;border-left:2pt solid #888;border-radius:0}
  .colophon{background:none;color:#000}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
