<?xml version="1.0" encoding="UTF-8"?>
<!--
  terms.xsl: the word for a term id, from terms.xml (the one Japanese vocabulary of every
  output; the Swift writers read the same file). Included by common-html.xsl and page-common.xsl.

    <xsl:call-template name="term"><xsl:with-param name="id" select="'change.added'"/></xsl:call-template>

  An unknown id gives the id itself, so a missing term shows instead of vanishing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:gkt="urn:guidekit:terms:1"
    exclude-result-prefixes="gkt">

  <xsl:key name="gk-term" match="gkt:term" use="@id"/>
  <!-- Read once per transformation (relative to this file: the bundled stylesheet folder). -->
  <xsl:variable name="gk-terms" select="document('terms.xml')"/>

  <xsl:template name="term">
    <xsl:param name="id"/>
    <xsl:variable name="key" select="string($id)"/>
    <xsl:for-each select="$gk-terms">
      <xsl:variable name="hit" select="key('gk-term', $key)"/>
      <xsl:choose>
        <xsl:when test="$hit"><xsl:value-of select="$hit[1]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="not($gk-terms)"><xsl:value-of select="$key"/></xsl:if>
  </xsl:template>

  <!-- The 案 mark of a draft edition (status="draft") in HTML: put before a page's heading. -->
  <xsl:template name="draft-mark-html">
    <strong class="draft-mark" style="display:inline-block;color:#a4161a;border:2px solid currentColor;padding:0 .3em;margin-right:.5em;font-size:.8em;vertical-align:middle">
      <xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.mark'"/></xsl:call-template>
    </strong>
  </xsl:template>

  <!-- The sentence saying the page is a draft, in HTML. -->
  <xsl:template name="draft-note-html">
    <p class="draft-note" role="note" style="color:#a4161a;font-weight:bold">
      <xsl:call-template name="term"><xsl:with-param name="id" select="'edition.draft.note'"/></xsl:call-template>
    </p>
  </xsl:template>

</xsl:stylesheet>
