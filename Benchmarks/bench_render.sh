#!/usr/bin/env bash
# render: guidekit render FILE --format html  vs  xsltproc <bundled guideline-html.xsl> FILE
# on the bundled guidelines and on a generated 2,000-clause guideline.
# Target (issues): render costs no more than 1.1x xsltproc with the same stylesheet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine
need_tool xsltproc

XSL="Sources/GuideKit/Resources/stylesheets/guideline-html.xsl"
CLAUSES="${RENDER_CLAUSES:-2000}"
rows_begin render

if [[ ! -f "$XSL" ]]; then
  echo "render: $XSL does not exist yet: benchmark skipped" >&2
  row "render --format html" "skipped" "$XSL missing" "-" "<= 1.1x" "-"
  rows_print
  exit 0
fi

log "render: generated guideline of $CLAUSES clauses"
gen "render-$CLAUSES" --guidelines 1 --clauses "$CLAUSES" --quiet
check_corpus "$CORPUS/render-$CLAUSES" 1

files=()
for f in guidelines/*/*.xml; do files+=("$f"); done
files+=("$CORPUS/render-$CLAUSES/gen-0001/1.0.xml")

# The fixed cost of a run before any input is read: both programs printing their version.
hf "$RESULTS/render-startup.json" --warmup 3 --runs 60 \
  -n "guidekit --version" "'$GUIDEKIT' --version" \
  -n "xsltproc --version" "xsltproc --version"
start_g=$(hfv "$RESULTS/render-startup.json" 0 mean)
start_x=$(hfv "$RESULTS/render-startup.json" 1 mean)
row "start-up alone (--version, no input)" "$(secs "$start_g")" "xsltproc $(secs "$start_x")" "$(calc "$start_g / $start_x")x" "(info)" "-"

sum_g=0 sum_x=0
min_x=0 min_name=""
i=0
for f in "${files[@]}"; do
  i=$((i + 1))
  log "render: $f"
  # Both must succeed before they are timed.
  "$GUIDEKIT" render "$f" --format html >"$RESULTS/.render-guidekit.html" 2>"$RESULTS/.render-guidekit.err" || {
    echo "guidekit render failed on $f:" >&2
    cat "$RESULTS/.render-guidekit.err" >&2
    exit 1
  }
  xsltproc "$XSL" "$f" >"$RESULTS/.render-xsltproc.html" 2>"$RESULTS/.render-xsltproc.err" || {
    echo "xsltproc failed on $f:" >&2
    cat "$RESULTS/.render-xsltproc.err" >&2
    exit 1
  }
  same="identical output"
  cmp -s "$RESULTS/.render-guidekit.html" "$RESULTS/.render-xsltproc.html" || same="outputs differ"
  note "output: guidekit $(stat -c %s "$RESULTS/.render-guidekit.html") bytes, xsltproc $(stat -c %s "$RESULTS/.render-xsltproc.html") bytes ($same)"
  runs=40
  [[ $(stat -c %s "$f") -gt 1000000 ]] && runs=10
  hf "$RESULTS/render-$i.json" --warmup 2 --runs "$runs" \
    -n "guidekit render --format html" "'$GUIDEKIT' render '$f' --format html" \
    -n "xsltproc guideline-html.xsl" "xsltproc '$XSL' '$f'"
  g=$(hfv "$RESULTS/render-$i.json" 0 mean)
  x=$(hfv "$RESULTS/render-$i.json" 1 mean)
  sum_g=$(calc "$sum_g + $g")
  sum_x=$(calc "$sum_x + $x")
  if [[ -z "$min_name" ]] || awk -v a="$x" -v b="$min_x" 'BEGIN { exit !(a < b) }'; then
    min_x=$x min_name="${f#"$CORPUS/"}"
  fi
  r=$(calc "$g / $x")
  name="${f#"$CORPUS/"}"
  row "render $name ($(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.0f KB", b / 1000 }'); $same)" "$(secs "$g")" "xsltproc $(secs "$x")" "${r}x" "<= 1.1x" "$(verdict "$r" 1.1)"
done
# On the smallest file: what 1.1x leaves for guidekit's work once its start-up is paid, against
# the time xsltproc's own work (parse, compile, transform, write) takes on that file.
budget=$(calc "1.1 * $min_x - $start_g")
work_x=$(calc "$min_x - $start_x")
row "render $min_name: time within 1.1x after start-up" "$(secs "$budget")" "xsltproc's work $(secs "$work_x")" "$(calc "$budget / $work_x")x" "(info)" "-"

r=$(calc "$sum_g / $sum_x")
row "render, all ${#files[@]} files (sum of means)" "$(secs "$sum_g")" "xsltproc $(secs "$sum_x")" "${r}x" "<= 1.1x" "$(verdict "$r" 1.1)"

rows_print
