<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared helpers for the HTML views of a delta document (urn:guidekit:delta:1):
  dates in both calendars, change labels, anchors, inline ins/del, paths, notes, base CSS.
  Included by delta-table.xsl and delta-html.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:guidekit:delta:1"
    exclude-result-prefixes="d">

  <xsl:include href="terms.xsl"/>

  <!-- Japanese era date (和暦) of an ISO date YYYY-MM-DD; the input itself when not a date. -->
  <xsl:template name="wareki">
    <xsl:param name="date"/>
    <xsl:variable name="ymd" select="number(translate($date, '-', ''))"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="dd" select="number(substring($date, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($date) != 10 or string($ymd) = 'NaN' or string($m) = 'NaN' or string($dd) = 'NaN'">
        <xsl:value-of select="$date"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="era">
          <xsl:choose>
            <xsl:when test="$ymd &gt;= 20190501">令和</xsl:when>
            <xsl:when test="$ymd &gt;= 19890108">平成</xsl:when>
            <xsl:when test="$ymd &gt;= 19261225">昭和</xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="base">
          <xsl:choose>
            <xsl:when test="$era = '令和'">2018</xsl:when>
            <xsl:when test="$era = '平成'">1988</xsl:when>
            <xsl:when test="$era = '昭和'">1925</xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="$era"/>
        <xsl:choose>
          <xsl:when test="$era != '' and $y - $base = 1">元</xsl:when>
          <xsl:otherwise><xsl:value-of select="$y - $base"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('年', $m, '月', $dd, '日')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 令和3年5月31日（2021-05-31） -->
  <xsl:template name="date-both">
    <xsl:param name="date"/>
    <xsl:call-template name="wareki">
      <xsl:with-param name="date" select="$date"/>
    </xsl:call-template>
    <xsl:if test="string-length($date) = 10">
      <xsl:value-of select="concat('（', $date, '）')"/>
    </xsl:if>
  </xsl:template>

  <!-- Label of a change kind. -->
  <xsl:template name="change-label">
    <xsl:param name="change" select="@change"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('change.', $change)"/></xsl:call-template>
  </xsl:template>

  <!-- Fragment id of a unit: u-ID (r-ID for a removed unit, whose id is OLD's). -->
  <xsl:template name="anchor">
    <xsl:param name="unit" select="."/>
    <xsl:choose>
      <xsl:when test="$unit/@change = 'removed'">r-</xsl:when>
      <xsl:otherwise>u-</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="translate($unit/@id, ' &#9;&#10;&#13;', '____')"/>
  </xsl:template>

  <!-- Inline content of a line: ins/del as HTML ins/del. -->
  <xsl:template match="d:ins" mode="inline">
    <ins><xsl:value-of select="."/></ins>
  </xsl:template>
  <xsl:template match="d:del" mode="inline">
    <del><xsl:value-of select="."/></del>
  </xsl:template>
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="*" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Units by id (a removed unit's id is OLD's). -->
  <xsl:key name="unit-id" match="d:unit" use="@id"/>

  <!-- How to name another unit: its number and 「title」 when it is in the delta, else its id and
       a space (OSCAL ids as control labels: ac-2.1 → AC-2(1), ac-2_smt.k → AC-2 k). -->
  <xsl:key name="relation-id" match="d:relation" use="@id"/>
  <xsl:template name="ref-label">
    <xsl:param name="id"/>
    <xsl:variable name="hits" select="key('unit-id', $id)"/>
    <xsl:variable name="u" select="($hits[not(@change = 'removed')] | $hits)[1]"/>
    <!-- A unit outside the delta (unchanged) is named by its <relation>. -->
    <xsl:variable name="r" select="key('relation-id', $id)[1]"/>
    <xsl:choose>
      <xsl:when test="$u and ($u/@num or $u/@old-num)">
        <xsl:value-of select="($u/@num | $u/@old-num)[1]"/>
        <xsl:if test="$u/d:title">
          <xsl:value-of select="concat('「', normalize-space($u/d:title), '」')"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$r and ($r/@num or normalize-space($r) != '')">
        <xsl:value-of select="$r/@num"/>
        <xsl:if test="normalize-space($r) != ''">
          <xsl:value-of select="concat('「', normalize-space($r), '」')"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="/d:delta/@kind = 'catalog'">
        <xsl:call-template name="control-label"><xsl:with-param name="id" select="$id"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($id, ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="control-label">
    <xsl:param name="id"/>
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="contains($id, '_')"><xsl:value-of select="substring-before($id, '_')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="up" select="translate($base, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    <xsl:choose>
      <xsl:when test="contains($up, '.')">
        <xsl:value-of select="concat(substring-before($up, '.'), '(', substring-after($up, '.'), ')')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$up"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($id, '_smt.')">
      <xsl:value-of select="concat(' ', substring-after($id, '_smt.'))"/>
    </xsl:if>
  </xsl:template>

  <!-- Steps joined by a separator. -->
  <xsl:template name="path-text">
    <xsl:param name="steps"/>
    <xsl:param name="sep" select="' ＞ '"/>
    <xsl:for-each select="$steps">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Notes on a unit's relations: split-from, merged-into, withdrawn successors. -->
  <xsl:template name="relation-notes">
    <xsl:param name="unit" select="."/>
    <xsl:if test="$unit/@split-from">
      <p class="rel">
        <xsl:text>（</xsl:text>
        <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string($unit/@split-from)"/></xsl:call-template>
        <xsl:text>から分割）</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="$unit/@merged-into">
      <p class="rel">
        <xsl:text>（</xsl:text>
        <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string($unit/@merged-into)"/></xsl:call-template>
        <xsl:text>に統合）</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="$unit/@withdrawn = 'true'">
      <p class="rel withdrawn">
        <xsl:text>（取下げ</xsl:text>
        <xsl:for-each select="$unit/d:successors/d:successor">
          <xsl:choose>
            <xsl:when test="position() = 1">：</xsl:when>
            <xsl:otherwise>、</xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="ref-label"><xsl:with-param name="id" select="string(@id)"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="@rel = 'incorporated-into'">に統合</xsl:when>
            <xsl:when test="@rel = 'moved-to'">へ移動</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('（', @rel, '）')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>）</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="$unit/@coarse = 'true'">
      <p class="rel coarse">（差分は概略）</p>
    </xsl:if>
    <xsl:if test="$unit/d:refs/d:ref">
      <ul class="refs">
        <xsl:for-each select="$unit/d:refs/d:ref">
          <li><xsl:call-template name="ref-change"/></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- 引用変更：「労働基準法第38条の2」 条項 Art38_2 → Art38_3、基準日 2025-06-01 → 2026-04-01 -->
  <xsl:template name="ref-change">
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('ref.', @change)"/></xsl:call-template>
    <xsl:value-of select="concat('：「', normalize-space(.), '」 ')"/>
    <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.provision'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:if test="@old-provision"><del><xsl:value-of select="@old-provision"/></del> → </xsl:if>
    <xsl:choose>
      <xsl:when test="@old-provision"><ins><xsl:value-of select="@provision"/></ins></xsl:when>
      <xsl:otherwise><xsl:value-of select="@provision"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@pin or @old-pin">
      <xsl:text>、</xsl:text>
      <xsl:call-template name="term"><xsl:with-param name="id" select="'ref.pin'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:if test="@old-pin"><del><xsl:value-of select="@old-pin"/></del> → </xsl:if>
      <xsl:choose>
        <xsl:when test="@old-pin"><ins><xsl:value-of select="@pin"/></ins></xsl:when>
        <xsl:otherwise><xsl:value-of select="@pin"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- Links to the pages of the same edition on a published site (none when $home is empty). -->
  <xsl:template name="site-nav">
    <xsl:param name="home"/>
    <xsl:param name="edition"/>
    <xsl:param name="table"/>
    <xsl:param name="redline"/>
    <xsl:param name="notice"/>
    <xsl:param name="current"/>
    <xsl:if test="string($home) != ''">
      <nav class="sitenav sans" aria-label="関連ページ"><ul>
        <li><a href="{$home}">ガイドライン一覧</a></li>
        <xsl:if test="string($edition) != ''"><li><a href="{$edition}">本文</a></li></xsl:if>
        <xsl:if test="string($table) != ''">
          <li><a href="{$table}"><xsl:if test="$current = 'table'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>新旧対照表</a></li>
        </xsl:if>
        <xsl:if test="string($redline) != ''">
          <li><a href="{$redline}"><xsl:if test="$current = 'redline'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>変更箇所</a></li>
        </xsl:if>
        <xsl:if test="string($notice) != ''"><li><a href="{$notice}">公表のお知らせ</a></li></xsl:if>
      </ul></nav>
    </xsl:if>
  </xsl:template>

  <!-- CSS shared by both pages. -->
  <xsl:template name="base-css">
    <xsl:text>
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#111;line-height:1.75;overflow-wrap:anywhere;word-break:normal;line-break:strict}
.sans{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Hiragino Sans","Yu Gothic","YuGothic",Meiryo,sans-serif}
.serif{font-family:"Noto Serif CJK JP","Noto Serif JP","Hiragino Mincho ProN","Yu Mincho","YuMincho","MS Mincho",serif}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK JP",monospace;font-size:.9em}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:8px;top:8px;z-index:10;background:#fff;color:#000;padding:.4em .8em;border:2px solid #000}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sitenav ul{list-style:none;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.9rem;max-width:72rem}
.sitenav a{color:#0b5cad}.sitenav a[aria-current]{color:#111;font-weight:bold;text-decoration:none}
@media print{.sitenav{display:none}}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
