#!/usr/bin/env bash
# diff: guidekit diff OLD NEW --format json
#   - on the 労働安全衛生法 pair (e-Gov, 800 KB each) vs xmllint --noout of both files, and vs
#     Python xmldiff (capped by a timeout);
#   - on generated guideline pairs of 200, 2,000 and 20,000 clauses with 5 % changed: wall time,
#     peak memory (/usr/bin/time -v), xmllint parse time of the pair, growth between sizes.
# Targets (DESIGN.md "Performance" and the issues): diff <= 3x xmllint parse of the pair, growth
# <= n log n, peak memory <= 10x the input (OLD + NEW bytes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine
need_tool xmllint libxml2-utils

SIZES="${DIFF_SIZES:-200 2000 20000}"
CHANGE="${DIFF_CHANGE:-5}"
XMLDIFF_TIMEOUT="${XMLDIFF_TIMEOUT:-300}"
LAW_OLD="$SHARED/egov/laws/347AC0000000057_20260101_507AC0000000033.xml"
LAW_NEW="$SHARED/egov/laws/347AC0000000057_20260401_507AC0000000033.xml"
rows_begin diff

bytes() { stat -c %s "$1"; }

# run_xmldiff LABEL OLD NEW — one timed run of xmldiff with the timeout; prints seconds or "> N s".
# (Called in $(...): the caller records a timeout from the "> N s" answer.)
XMLDIFF_TIMED_OUT=0
run_xmldiff() {
  if ! command -v xmldiff >/dev/null 2>&1; then
    echo "not installed (pip install xmldiff)"
    return
  fi
  local start end status=0
  start=$(date +%s.%N)
  timeout "$XMLDIFF_TIMEOUT" xmldiff "$2" "$3" >/dev/null 2>"$RESULTS/.xmldiff-stderr.txt" || status=$?
  end=$(date +%s.%N)
  if [[ $status -eq 124 ]]; then
    echo "> $XMLDIFF_TIMEOUT s"
  elif [[ $status -ne 0 ]]; then
    echo "failed (status $status: $(head -c 200 "$RESULTS/.xmldiff-stderr.txt" | tr '\n' ' '))"
  else
    calc "$end - $start"
  fi
}

# xmldiff_row LABEL GUIDEKIT_SECONDS XMLDIFF_RESULT
xmldiff_row() {
  if [[ "$3" =~ ^[0-9.]+$ ]]; then
    row "$1" "$(secs "$2")" "xmldiff $(secs "$3") (guidekit $(calc "$3 / $2")x faster)" "$(calc "$2 / $3")x" "(info)" "-"
  elif [[ "$3" == ">"* ]]; then
    row "$1" "$(secs "$2")" "xmldiff $3 (guidekit > $(calc "$XMLDIFF_TIMEOUT / $2")x faster)" "< $(calc "$2 / $XMLDIFF_TIMEOUT")x" "(info)" "-"
  else
    row "$1" "$(secs "$2")" "xmldiff $3" "-" "(info)" "-"
  fi
}

# memory_rows LABEL INPUT_BYTES — peak RSS of the last timev run against the input size, both as
# measured and above the RSS of a guidekit process that does nothing (runtime, Foundation, ICU).
memory_rows() {
  local rss=$((TIMEV_RSS * 1024)) r
  r=$(calc "$rss / $2")
  row "$1, peak memory (max RSS)" "$(mib "$rss")" "input $(mib "$2")" "${r}x" "<= 10x" "$(verdict "$r" 10)"
  r=$(calc "($rss - $BASE_RSS) / $2")
  row "$1, peak memory above start-up ($(mib "$BASE_RSS"))" "$(mib $((rss - BASE_RSS)))" "input $(mib "$2")" "${r}x" "(info)" "-"
}

# same_summary OLD NEW — runs the diff 3 times more; says whether the summaries were all equal.
same_summary() {
  local first s i
  first=$("$GUIDEKIT" diff "$1" "$2" --format json -q | jq -c '.summary')
  for i in 1 2 3; do
    s=$("$GUIDEKIT" diff "$1" "$2" --format json -q | jq -c '.summary')
    if [[ "$s" != "$first" ]]; then
      echo "NO: $first vs $s"
      return
    fi
  done
  echo "yes"
}

timev "$GUIDEKIT" --version
BASE_RSS=$((TIMEV_RSS * 1024))

# ---- the 労働安全衛生法 pair -------------------------------------------------------------------
log "diff: 労働安全衛生法 20260101 vs 20260401 (e-Gov law XML)"
if [[ -f "$LAW_OLD" && -f "$LAW_NEW" ]]; then
  "$GUIDEKIT" diff "$LAW_OLD" "$LAW_NEW" --format json >"$RESULTS/diff-law.json" 2>"$RESULTS/diff-law.stderr" || {
    echo "guidekit diff failed on the law pair:" >&2
    cat "$RESULTS/diff-law.stderr" >&2
    exit 1
  }
  note "guidekit: $(jq -c '.summary' "$RESULTS/diff-law.json")"
  hf "$RESULTS/diff-law-hf.json" --warmup 5 --runs 40 \
    -n "guidekit diff --format json" "'$GUIDEKIT' diff '$LAW_OLD' '$LAW_NEW' --format json" \
    -n "xmllint --noout (both)" "xmllint --noout '$LAW_OLD' '$LAW_NEW'"
  g=$(hfv "$RESULTS/diff-law-hf.json" 0 mean)
  x=$(hfv "$RESULTS/diff-law-hf.json" 1 mean)
  input=$(($(bytes "$LAW_OLD") + $(bytes "$LAW_NEW")))
  timev "$GUIDEKIT" diff "$LAW_OLD" "$LAW_NEW" --format json
  r=$(calc "$g / $x")
  row "diff 労働安全衛生法 pair ($(mib "$input")), wall" "$(secs "$g")" "xmllint --noout $(secs "$x")" "${r}x" "<= 3x" "$(verdict "$r" 3)"
  r=$(calc "($(hfv "$RESULTS/diff-law-hf.json" 0 user) + $(hfv "$RESULTS/diff-law-hf.json" 0 system)) / ($(hfv "$RESULTS/diff-law-hf.json" 1 user) + $(hfv "$RESULTS/diff-law-hf.json" 1 system))")
  row "diff 労働安全衛生法 pair, CPU time (user+sys)" "$(secs "$(calc "$(hfv "$RESULTS/diff-law-hf.json" 0 user) + $(hfv "$RESULTS/diff-law-hf.json" 0 system)")")" "xmllint --noout $(secs "$(calc "$(hfv "$RESULTS/diff-law-hf.json" 1 user) + $(hfv "$RESULTS/diff-law-hf.json" 1 system)")")" "${r}x" "(info)" "-"
  memory_rows "diff 労働安全衛生法 pair" "$input"
  row "diff 労働安全衛生法 pair, same summary on 4 runs" "$(same_summary "$LAW_OLD" "$LAW_NEW")" "-" "-" "deterministic" "-"
  log "diff: xmldiff on the law pair (timeout $XMLDIFF_TIMEOUT s)"
  xd=$(run_xmldiff law "$LAW_OLD" "$LAW_NEW")
  note "xmldiff: $xd"
  xmldiff_row "diff 労働安全衛生法 pair vs Python xmldiff" "$g" "$xd"
else
  note "law pair not found under $SHARED/egov/laws: skipped"
  row "diff 労働安全衛生法 pair" "skipped" "law files missing" "-" "<= 3x" "-"
fi

# ---- generated guideline pairs --------------------------------------------------------------
prev_n="" prev_t="" prev_c=""
XMLDIFF_TIMED_OUT=0
for n in $SIZES; do
  log "diff: generated pair, $n clauses, $CHANGE % changed"
  gen "diff-$n" --guidelines 1 --clauses "$n" --pair --change "$CHANGE" --quiet
  dir="$CORPUS/diff-$n"
  old="$dir/gen-0001/1.0.xml"
  new="$dir/gen-0001/2.0.xml"
  check_corpus "$dir" 2
  "$GUIDEKIT" diff "$old" "$new" --format json >"$RESULTS/diff-$n.json" 2>"$RESULTS/diff-$n.stderr" || {
    echo "guidekit diff failed on $old $new:" >&2
    cat "$RESULTS/diff-$n.stderr" >&2
    exit 1
  }
  note "guidekit: $(jq -c '.summary' "$RESULTS/diff-$n.json")"
  runs=30 warmup=3
  [[ $n -ge 2000 ]] && runs=15 warmup=2
  [[ $n -ge 20000 ]] && runs=2 warmup=0
  hf "$RESULTS/diff-$n-hf.json" --warmup "$warmup" --runs "$runs" \
    -n "guidekit diff --format json" "'$GUIDEKIT' diff '$old' '$new' --format json" \
    -n "xmllint --noout (both)" "xmllint --noout '$old' '$new'"
  g=$(hfv "$RESULTS/diff-$n-hf.json" 0 mean)
  x=$(hfv "$RESULTS/diff-$n-hf.json" 1 mean)
  input=$(($(bytes "$old") + $(bytes "$new")))
  timev "$GUIDEKIT" diff "$old" "$new" --format json
  r=$(calc "$g / $x")
  row "diff $n clauses ($(mib "$input")), wall" "$(secs "$g")" "xmllint --noout $(secs "$x")" "${r}x" "<= 3x" "$(verdict "$r" 3)"
  gc=$(calc "$(hfv "$RESULTS/diff-$n-hf.json" 0 user) + $(hfv "$RESULTS/diff-$n-hf.json" 0 system)")
  xc=$(calc "$(hfv "$RESULTS/diff-$n-hf.json" 1 user) + $(hfv "$RESULTS/diff-$n-hf.json" 1 system)")
  row "diff $n clauses, CPU time (user+sys)" "$(secs "$gc")" "xmllint --noout $(secs "$xc")" "$(calc "$gc / $xc")x" "(info)" "-"
  memory_rows "diff $n clauses" "$input"
  if [[ $n -le 2000 ]]; then
    row "diff $n clauses, same summary on 4 runs" "$(same_summary "$old" "$new")" "-" "-" "deterministic" "-"
  fi
  if [[ -n "$prev_n" ]]; then
    tr=$(calc "$g / $prev_t")
    nlogn=$(calc "($n * log($n)) / ($prev_n * log($prev_n))")
    expo=$(calc "log($g / $prev_t) / log($n / $prev_n)")
    r=$(calc "$tr / $nlogn")
    row "diff growth $prev_n → $n clauses, wall" "time x$tr (exponent $expo)" "n log n x$nlogn" "${r}x" "<= 1.0x" "$(verdict "$r" 1.0)"
    tr=$(calc "$gc / $prev_c")
    expo=$(calc "log($gc / $prev_c) / log($n / $prev_n)")
    r=$(calc "$tr / $nlogn")
    row "diff growth $prev_n → $n clauses, CPU time" "CPU x$tr (exponent $expo)" "n log n x$nlogn" "${r}x" "(info)" "-"
  fi
  prev_n=$n prev_t=$g prev_c=$gc
  if [[ $XMLDIFF_TIMED_OUT -eq 1 ]]; then
    row "diff $n clauses vs Python xmldiff" "$(secs "$g")" "xmldiff skipped (timed out on a smaller pair)" "-" "(info)" "-"
  else
    log "diff: xmldiff on the $n-clause pair (timeout $XMLDIFF_TIMEOUT s)"
    xd=$(run_xmldiff "$n" "$old" "$new")
    note "xmldiff: $xd"
    [[ "$xd" == ">"* ]] && XMLDIFF_TIMED_OUT=1
    xmldiff_row "diff $n clauses vs Python xmldiff" "$g" "$xd"
  fi
done

rows_print
