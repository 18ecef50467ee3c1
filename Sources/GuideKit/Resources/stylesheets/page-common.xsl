<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared helpers for the guideline, notice, site and feed stylesheets:
  和暦 dates, labels, display widths for the text layout, line joining, safe hrefs, base CSS.
  Named templates and the mode "gk-flat" only (no top-level params), so any stylesheet may
  include it. Not to be included together with common-html.xsl (both define "wareki").
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="terms.xsl"/>


  <!-- ===== dates ===== -->

  <!--
    和暦 of an ISO date YYYY-MM-DD: 令和 from 2019-05-01, 平成 1989-01-08 … 2019-04-30,
    昭和 1926-12-25 … 1989-01-07; earlier dates in the Western year (1926年12月24日), as Swift's
    JapaneseDate does. The first year is 元年. Anything that is not YYYY-MM-DD comes back as is.
  -->
  <xsl:template name="wareki">
    <xsl:param name="date"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:variable name="ymd" select="$y * 10000 + $m * 100 + $d"/>
    <xsl:choose>
      <xsl:when test="string-length($date) != 10 or substring($date, 5, 1) != '-'
                      or substring($date, 8, 1) != '-' or string($ymd) = 'NaN'
                      or translate($date, '0123456789-', '') != ''
                      or $m &lt; 1 or $m &gt; 12 or $d &lt; 1 or $d &gt; 31">
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
        <xsl:variable name="n">
          <xsl:choose>
            <xsl:when test="$era = '令和'"><xsl:value-of select="$y - 2018"/></xsl:when>
            <xsl:when test="$era = '平成'"><xsl:value-of select="$y - 1988"/></xsl:when>
            <xsl:when test="$era = '昭和'"><xsl:value-of select="$y - 1925"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$y"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="$era"/>
        <xsl:choose>
          <xsl:when test="$era != '' and $n = 1">元</xsl:when>
          <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('年', $m, '月', $d, '日')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 令和3年5月31日（2021-05-31）; $wareki overrides the computed era date when given. -->
  <xsl:template name="date-both">
    <xsl:param name="date"/>
    <xsl:param name="wareki" select="''"/>
    <xsl:choose>
      <xsl:when test="string($wareki) != ''"><xsl:value-of select="$wareki"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wareki"><xsl:with-param name="date" select="$date"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="string($date) != ''">
      <xsl:value-of select="concat('（', $date, '）')"/>
    </xsl:if>
  </xsl:template>

  <!-- HTML <time>: 和暦 shown, the ISO date (in parentheses and in @datetime) for machines. -->
  <xsl:template name="time-both">
    <xsl:param name="date"/>
    <xsl:param name="wareki" select="''"/>
    <time datetime="{$date}">
      <xsl:choose>
        <xsl:when test="string($wareki) != ''"><xsl:value-of select="$wareki"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="wareki"><xsl:with-param name="date" select="$date"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </time>
    <span class="iso"><xsl:value-of select="concat('（', $date, '）')"/></span>
  </xsl:template>

  <!-- ===== labels ===== -->

  <xsl:template name="audience-label">
    <xsl:param name="a"/>
    <xsl:choose>
      <xsl:when test="$a = 'executive'">経営者</xsl:when>
      <xsl:when test="$a = 'admin'">システム・セキュリティ管理者</xsl:when>
      <xsl:when test="$a = 'worker'">勤務者</xsl:when>
      <xsl:when test="$a = 'employer'">使用者</xsl:when>
      <xsl:when test="$a = 'employee'">労働者</xsl:when>
      <xsl:otherwise><xsl:value-of select="$a"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="level-label">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level = 'basic'">基本</xsl:when>
      <xsl:when test="$level = 'advanced'">発展</xsl:when>
      <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Change kinds as amendment notices name them. -->
  <xsl:template name="kind-label">
    <xsl:param name="kind"/>
<xsl:call-template name="term"><xsl:with-param name="id" select="concat('change.', $kind)"/></xsl:call-template>
  </xsl:template>

  <!-- 1 → １ (full-width digits, for section numbers in notices). -->
  <xsl:template name="zenkaku-digits">
    <xsl:param name="n"/>
    <xsl:value-of select="translate(string($n), '0123456789', '０１２３４５６７８９')"/>
  </xsl:template>

  <!-- Every occurrence of $from in $s replaced by $to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A change's path for display: "第4章 … > 4-8 …" with a full-width ＞. -->
  <xsl:template name="path-display">
    <xsl:param name="path"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="s" select="normalize-space($path)"/>
      <xsl:with-param name="from" select="' &gt; '"/>
      <xsl:with-param name="to" select="' ＞ '"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="upper">
    <xsl:param name="s"/>
    <xsl:value-of select="translate($s, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
  </xsl:template>

  <!-- ===== text layout helpers ===== -->

  <!--
    Display columns of a short label (hanging labels such as (1), ①, 注, ・), approximating
    Unicode East Asian Width: ASCII and half-width katakana 1, common ambiguous characters
    $ambiguous (1 unless configured, as Swift's default), everything else 2.
  -->
  <xsl:template name="columns">
    <xsl:param name="s"/>
    <xsl:param name="ambiguous" select="1"/>
    <xsl:variable name="ascii"> !"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ</xsl:variable>
    <xsl:variable name="amb">①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ○●◎◇◆□■△▲▽▼☆★※→←↑↓§¨°±´¶×÷‐―‘’“”…‥′″ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω</xsl:variable>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:variable name="narrow" select="$n - string-length(translate($s, $ascii, ''))"/>
    <xsl:variable name="ambn" select="$n - string-length(translate($s, $amb, ''))"/>
    <xsl:value-of select="$narrow + $ambn * $ambiguous + ($n - $narrow - $ambn) * 2"/>
  </xsl:template>

  <!--
    Text of a node as one line: line breaks of the source joined (with a space only between two
    ASCII characters, so that Japanese lines join without a gap), tabs as spaces. Elements give
    their text (a ref its label). Normalise the result with normalize-space().
  -->
  <xsl:template match="*" mode="gk-flat">
    <xsl:apply-templates mode="gk-flat"/>
  </xsl:template>
  <xsl:template match="text()" mode="gk-flat">
    <xsl:call-template name="flow"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="gk-flat"/>

  <!-- A text node's newlines joined as described above (output as text). -->
  <xsl:template name="flow">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="translate($s, '&#9;&#13;', '  ')"/>
    <xsl:choose>
      <xsl:when test="not(contains($t, '&#10;'))"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before">
          <xsl:call-template name="rtrim"><xsl:with-param name="s" select="substring-before($t, '&#10;')"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="after">
          <xsl:call-template name="ltrim"><xsl:with-param name="s" select="substring-after($t, '&#10;')"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="a" select="substring($before, string-length($before), 1)"/>
        <xsl:variable name="b" select="substring(translate($after, '&#10;', ''), 1, 1)"/>
        <xsl:variable name="ascii" select="'!&quot;#$%&amp;()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz{|}~'"/>
        <xsl:value-of select="$before"/>
        <xsl:if test="($a = '' or contains($ascii, $a)) and ($b = '' or contains($ascii, $b)) and not($a = '' and $b = '')">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:call-template name="flow"><xsl:with-param name="s" select="$after"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ltrim">
    <xsl:param name="s"/>
    <xsl:variable name="core" select="normalize-space($s)"/>
    <xsl:choose>
      <xsl:when test="$core = ''"/>
      <xsl:otherwise>
        <xsl:value-of select="substring($s, string-length(substring-before($s, substring($core, 1, 1))) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="rtrim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="normalize-space($s) = ''"/>
      <xsl:when test="contains(' &#10;', substring($s, string-length($s), 1))">
        <xsl:call-template name="rtrim"><xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The label of a flattened list item or note, as Swift writes them into notices ("・　…",
    "①　…", "(1)　…", "注　…"); '' for an ordinary paragraph. item-rest gives the text after it.
  -->
  <xsl:template name="item-label">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:variable name="head" select="substring-before($t, '　')"/>
    <xsl:choose>
      <xsl:when test="starts-with($t, '・')">・</xsl:when>
      <xsl:when test="$head = '' or string-length($head) &gt; 4"/>
      <xsl:when test="$head = '注' or translate($head, '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳', '') = ''
                      or (starts-with($head, '(') and substring($head, string-length($head)) = ')')
                      or (starts-with($head, '（') and substring($head, string-length($head)) = '）')">
        <xsl:value-of select="$head"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="item-rest">
    <xsl:param name="text"/>
    <xsl:param name="label"/>
    <xsl:variable name="r" select="substring-after(normalize-space($text), $label)"/>
    <xsl:choose>
      <xsl:when test="starts-with($r, '　')"><xsl:value-of select="normalize-space(substring($r, 2))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($r)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== links ===== -->

  <!--
    An href safe to emit: one with a scheme other than http, https or mailto (javascript:, data:)
    is neutralised by a "./" prefix (it becomes a relative path).
  -->
  <xsl:template name="safe-href">
    <xsl:param name="href"/>
    <xsl:variable name="h" select="normalize-space($href)"/>
    <xsl:variable name="scheme" select="translate(substring-before($h, ':'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="contains($h, ':') and translate($scheme, '/?#', '') = $scheme
                      and not($scheme = 'http' or $scheme = 'https' or $scheme = 'mailto')">
        <xsl:value-of select="concat('./', $h)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$h"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $base + $href for a relative href when $base is non-empty (one "/" between them). -->
  <xsl:template name="absolute-href">
    <xsl:param name="href"/>
    <xsl:param name="base" select="''"/>
    <xsl:variable name="h">
      <xsl:call-template name="safe-href"><xsl:with-param name="href" select="$href"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$base = '' or starts-with($h, 'http://') or starts-with($h, 'https://')
                      or starts-with($h, 'mailto:') or starts-with($h, '/') or starts-with($h, '#')">
        <xsl:value-of select="$h"/>
      </xsl:when>
      <xsl:when test="substring($base, string-length($base), 1) = '/'">
        <xsl:value-of select="concat($base, $h)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($base, '/', $h)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Links follow the pin. ref-revisions: the e-Gov revision a date pin resolves to, as
    space-separated "LawId|YYYY-MM-DD=YYYYMMDD_AmendingLawId" (guidekit fills it from the
    registry); a pin that is already a revision id needs no entry. nist-revision-urls: the page of
    each SP 800-53 revision, space-separated "revision=URL", {id} standing for the control id.
  -->
  <xsl:param name="ref-revisions" select="''"/>
  <xsl:param name="nist-revision-urls" select="concat(
    'rev4=https://csrc.nist.gov/pubs/sp/800/53/r4/upd3/final ',
    'rev5.0.0=https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final ',
    'rev5.0.1=https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final ',
    'rev5.1.0=https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_0/home?element={id} ',
    'rev5.1.1=https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_1/home?element={id}')"/>

  <!--
    Where a <ref> points. Guideline ids (space-separated $guideline-ids) first, then NIST SP 800-53
    (the page of the pinned revision, else $nist-url), then e-Gov LawIds (three digits, then
    letters/digits: the pinned law revision https://laws.e-gov.go.jp/law/<LawId>_<revision>, else the
    current law), then any other clause set under $ref-base.
  -->
  <xsl:template name="ref-href">
    <xsl:param name="source"/>
    <xsl:param name="provision"/>
    <xsl:param name="pin"/>
    <xsl:param name="ref-base"/>
    <xsl:param name="guideline-base"/>
    <xsl:param name="guideline-ids"/>
    <xsl:param name="nist-url"/>
    <xsl:variable name="rev">
      <xsl:choose>
        <xsl:when test="string($pin) != ''"><xsl:value-of select="$pin"/></xsl:when>
        <xsl:otherwise>latest</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="alnum" select="'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'"/>
    <xsl:choose>
      <xsl:when test="$source != '' and contains(concat(' ', normalize-space($guideline-ids), ' '), concat(' ', $source, ' '))">
        <xsl:value-of select="concat($guideline-base, $source, '/', $rev, '.html#', $provision)"/>
      </xsl:when>
      <xsl:when test="$source = 'nist-sp800-53'">
        <xsl:variable name="id">
          <xsl:call-template name="upper"><xsl:with-param name="s" select="$provision"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="page"
          select="substring-before(substring-after(concat(' ', normalize-space($nist-revision-urls), ' '), concat(' ', $pin, '=')), ' ')"/>
        <xsl:choose>
          <xsl:when test="string($pin) != '' and $page != '' and contains($page, '{id}')">
            <xsl:value-of select="concat(substring-before($page, '{id}'), $id, substring-after($page, '{id}'))"/>
          </xsl:when>
          <xsl:when test="string($pin) != '' and $page != ''"><xsl:value-of select="$page"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($nist-url, $id)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="string-length($source) &gt; 3 and translate(substring($source, 1, 3), '0123456789', '') = ''
                      and translate($source, $alnum, '') = ''">
        <!-- A revision id pin (20250601_504AC0000000068) names the revision; a date pin is looked up. -->
        <xsl:variable name="revision">
          <xsl:choose>
            <xsl:when test="contains($pin, '_')"><xsl:value-of select="$pin"/></xsl:when>
            <xsl:when test="string($pin) != ''">
              <xsl:value-of select="substring-before(substring-after(concat(' ', normalize-space($ref-revisions), ' '), concat(' ', $source, '|', $pin, '=')), ' ')"/>
            </xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="concat('https://laws.e-gov.go.jp/law/', $source)"/>
        <xsl:if test="$revision != ''"><xsl:value-of select="concat('_', $revision)"/></xsl:if>
        <!-- Art38_2/Para1 → #Mp-At_38_2 (the article of the main provision) -->
        <xsl:variable name="art">
          <xsl:choose>
            <xsl:when test="contains($provision, '/')"><xsl:value-of select="substring-before($provision, '/')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$provision"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="starts-with($art, 'Art') and string-length($art) &gt; 3">
          <xsl:value-of select="concat('#Mp-At_', substring($art, 4))"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($ref-base, $source, '/', $rev, '.html#', $provision)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== CSS ===== -->

  <!-- Base CSS of every page: type, colours, links, skip link, print basics. -->
  <xsl:template name="base-page-css">
    <xsl:text>
:root{--ink:#1b1b1b;--muted:#5a5f66;--rule:#cfd5dd;--soft:#f3f5f8;--accent:#1c3d6e;--accent-soft:#e9eef6;--link:#0a4ea0;--visited:#5b3c8f;--focus:#f2a900}
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Hiragino Sans","Yu Gothic","YuGothic",Meiryo,sans-serif;font-size:1rem;line-height:1.85;letter-spacing:.02em;line-break:strict;word-break:normal;overflow-wrap:anywhere;font-kerning:normal}
@media (min-width:48em){body{font-size:1.0625rem}}
h1,h2,h3,h4,h5,h6{line-height:1.45;letter-spacing:.03em;font-feature-settings:"palt";margin:0;text-wrap:balance;word-break:auto-phrase}
p{margin:0 0 .8em}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:.22em}
a:visited{color:var(--visited)}
a:hover{text-decoration-thickness:2px}
a:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:10;background:#fff;color:#000;padding:.5em 1em;border:2px solid #000}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.iso{color:var(--muted);font-size:.92em;font-variant-numeric:tabular-nums;white-space:nowrap}
time{font-variant-numeric:tabular-nums}
em{font-style:normal;font-weight:700}
dfn{font-style:normal;font-weight:700}
@media print{
  :root{--ink:#000;--muted:#333;--link:#000;--visited:#000}
  body{font-size:10.5pt;line-height:1.7;background:#fff}
  a{text-decoration:none}
  .skip,.no-print{display:none!important}
  h1,h2,h3,h4,h5,h6{break-after:avoid;page-break-after:avoid}
  p,li{orphans:2;widows:2}
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
