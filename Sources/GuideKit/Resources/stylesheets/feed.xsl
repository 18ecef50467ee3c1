<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site document (urn:guidekit:site:1) → an Atom 1.0 feed (RFC 4287): one entry per edition,
  newest first (drafts, status="draft", are left out). Dates are the editions' issued days at 00:00 JST; nothing depends on the clock.
  With base-url empty, hrefs stay relative (resolved against the feed's own URL); no xml:base.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:guidekit:site:1"
    xmlns="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="s">

  <xsl:include href="page-common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="feed-id" select="'tag:guidekit,2018:guidelines'"/>
  <xsl:param name="self-href" select="'feed.xml'"/>
  <!-- The site index, linked as the feed's alternate. -->
  <xsl:param name="index-href" select="'index.html'"/>
  <!-- Prefix of every href when non-empty (e.g. https://example.go.jp/guidelines/). -->
  <xsl:param name="base-url" select="''"/>

  <xsl:variable name="site" select="/s:site"/>

  <xsl:template match="/">
    <xsl:if test="not($site)">
      <xsl:message terminate="yes">feed: the root element is not a site (urn:guidekit:site:1)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$site"/>
  </xsl:template>

  <xsl:template match="s:site">
    <feed xml:lang="ja">
      <id><xsl:value-of select="$feed-id"/></id>
      <title type="text"><xsl:value-of select="normalize-space(@title)"/></title>
      <updated>
        <xsl:call-template name="atom-date">
          <xsl:with-param name="date">
            <xsl:choose>
              <xsl:when test="@updated"><xsl:value-of select="@updated"/></xsl:when>
              <!-- no @updated: the newest edition's day -->
              <xsl:otherwise>
                <xsl:for-each select="s:guideline/s:edition[not(@status = 'draft')]">
                  <xsl:sort select="@issued" order="descending"/>
                  <xsl:if test="position() = 1"><xsl:value-of select="@issued"/></xsl:if>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </updated>
      <link rel="self" type="application/atom+xml">
        <xsl:attribute name="href"><xsl:call-template name="href"><xsl:with-param name="href" select="$self-href"/></xsl:call-template></xsl:attribute>
      </link>
      <xsl:if test="$index-href != ''">
        <link rel="alternate" type="text/html">
          <xsl:attribute name="href"><xsl:call-template name="href"><xsl:with-param name="href" select="$index-href"/></xsl:call-template></xsl:attribute>
        </link>
      </xsl:if>
      <author><name><xsl:value-of select="normalize-space(@title)"/></name></author>
      <generator>guidekit</generator>
      <xsl:for-each select="s:guideline/s:edition[not(@status = 'draft')]">
        <xsl:sort select="@issued" order="descending"/>
        <xsl:sort select="../@id"/>
        <xsl:sort select="@version" order="descending"/>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </feed>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:variable name="when">
      <xsl:call-template name="atom-date"><xsl:with-param name="date" select="string(@issued)"/></xsl:call-template>
    </xsl:variable>
    <entry>
      <id><xsl:value-of select="concat('tag:guidekit,', substring(@issued, 1, 4), ':', ../@id, '/', @version)"/></id>
      <title type="text">
        <xsl:choose>
          <xsl:when test="normalize-space(s:title) != ''"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(normalize-space(../s:title), '（', @version, '）')"/></xsl:otherwise>
        </xsl:choose>
      </title>
      <updated><xsl:value-of select="$when"/></updated>
      <published><xsl:value-of select="$when"/></published>
      <author><name><xsl:value-of select="normalize-space(../@issuer)"/></name></author>
      <xsl:if test="normalize-space(@href) != ''">
        <link rel="alternate" type="text/html">
          <xsl:attribute name="href"><xsl:call-template name="href"><xsl:with-param name="href" select="@href"/></xsl:call-template></xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="normalize-space(@notice-href) != ''">
        <link rel="related" type="text/html" title="公表のお知らせ">
          <xsl:attribute name="href"><xsl:call-template name="href"><xsl:with-param name="href" select="@notice-href"/></xsl:call-template></xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="normalize-space(s:summary) != ''">
        <summary type="text"><xsl:value-of select="normalize-space(s:summary)"/></summary>
      </xsl:if>
    </entry>
  </xsl:template>

  <!-- 2021-05-31 → 2021-05-31T00:00:00+09:00 -->
  <xsl:template name="atom-date">
    <xsl:param name="date"/>
    <xsl:value-of select="concat(substring(normalize-space($date), 1, 10), 'T00:00:00+09:00')"/>
  </xsl:template>

  <xsl:template name="href">
    <xsl:param name="href"/>
    <xsl:call-template name="absolute-href">
      <xsl:with-param name="href" select="$href"/>
      <xsl:with-param name="base" select="$base-url"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
