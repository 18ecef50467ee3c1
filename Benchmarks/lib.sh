# Shared helpers for the guidekit benchmark scripts (sourced, not run).
# Every script runs from the repository root whatever the caller's folder.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
CORPUS="${CORPUS:-$BENCH_DIR/corpus}"
RESULTS="${RESULTS:-$BENCH_DIR/results}"
GUIDEKIT="${GUIDEKIT:-$REPO/.build-bench/release/guidekit}"
PYTHON="${PYTHON:-python3}"
SCHEMA="schemas/guideline.xsd"
SHARED="${SHARED:-/work/shared/data}"
cd "$REPO"
mkdir -p "$CORPUS" "$RESULTS"

log() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }

need_guidekit() {
  if [[ ! -x "$GUIDEKIT" ]]; then
    echo "guidekit binary not found at $GUIDEKIT" >&2
    echo "build it with: swift build -c release --static-swift-stdlib --traits Mimalloc -Xlinker --no-export-dynamic --scratch-path .build-bench   (or set GUIDEKIT=...)" >&2
    exit 1
  fi
}

need_tool() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "$1 is missing: apt-get install -y ${2:-$1}" >&2
    exit 1
  }
}

# gen NAME ARGS... — generate corpus/NAME with generate_corpus.py unless it already exists
# with the same arguments (a stamp file records them).
gen() {
  local name="$1"
  shift
  local dir="$CORPUS/$name" stamp="$CORPUS/$name/.generated"
  local want="generate_corpus.py $* (generator $(md5sum "$BENCH_DIR/generate_corpus.py" | cut -c1-12))"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    note "corpus/$name: up to date"
    return 0
  fi
  rm -rf "$dir"
  note "generating corpus/$name: $*"
  "$PYTHON" "$BENCH_DIR/generate_corpus.py" --out "$dir" "$@"
  printf '%s\n' "$want" >"$stamp"
}

# check_corpus DIR [SAMPLE] — every generated file must validate: xmllint --schema on a sample and
# guidekit validate on the whole folder (0 errors, 0 warnings expected). Fails the script otherwise.
check_corpus() {
  local dir="$1" sample="${2:-5}" json errors warnings
  # shellcheck disable=SC2046
  if ! xmllint --noout --schema "$SCHEMA" $(find "$dir" -name '*.xml' | sort | head -n "$sample") 2>"$RESULTS/.xmllint-check.txt"; then
    cat "$RESULTS/.xmllint-check.txt" >&2
    echo "generated corpus $dir does not validate with xmllint" >&2
    exit 1
  fi
  json="$("$GUIDEKIT" validate "$dir" --format json --quiet || true)"
  errors="$(jq -r '.errors' <<<"$json")"
  warnings="$(jq -r '.warnings' <<<"$json")"
  note "check: xmllint --schema ok on $sample files; guidekit validate: $(jq -r '.files' <<<"$json") files, $errors errors, $warnings warnings"
  if [[ "$errors" != "0" ]]; then
    jq -r '.diagnostics[:10][] | "\(.file):\(.line): \(.severity): \(.message) [\(.rule)]"' <<<"$json" >&2
    echo "generated corpus $dir has validation errors" >&2
    exit 1
  fi
}

# hf JSON HYPERFINE-ARGS... — hyperfine with results exported to JSON.
# Other processes on a shared machine (builds, tests) distort timings. Before each measurement we
# wait (up to BENCH_WAIT seconds, default 180) for idle CPU >= BENCH_MIN_IDLE % (default 80) over
# 3 s, and during it we record how many cores other processes used on average: all CPU time spent
# on the machine (/proc/stat) minus the CPU time of our own children (bash `times`). The figures
# go to results/NAME.conditions and are printed with the results.
wait_quiet() {
  local limit="${BENCH_WAIT:-180}" min="${BENCH_MIN_IDLE:-80}" waited=0 idle
  while :; do
    idle=$(cpu_idle 3)
    waited=$((waited + 3))
    if awk -v i="$idle" -v m="$min" 'BEGIN { exit !(i >= m) }'; then
      [[ $waited -gt 3 ]] && note "machine quiet after ${waited} s (idle ${idle} %)"
      return 0
    fi
    if [[ $waited -ge $limit ]]; then
      note "WARNING: machine still busy after ${waited} s (idle ${idle} %); measuring anyway"
      return 0
    fi
    [[ $((waited % 60)) -lt 3 ]] && note "waiting for a quiet machine (idle ${idle} %)"
  done
}

# cpu_idle SECONDS — idle percentage of all CPUs over SECONDS (from /proc/stat).
cpu_idle() {
  local a b
  a=$(head -1 /proc/stat)
  sleep "$1"
  b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); t = 0
    for (i = 2; i <= n; i++) t += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%.0f", (t > 0) ? (100 * idle / t) : 100 }'
}

# Busy CPU seconds of the whole machine so far (user+nice+system+irq+softirq+steal).
machine_busy() { awk -v hz="$(getconf CLK_TCK)" 'NR == 1 { print ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat; }
# children_cpu VAR — sets VAR to the CPU seconds (user+sys) of this shell's finished children.
# (`times` must run in this shell, not in a $(...) subshell, whose counters start at zero.)
children_cpu() {
  times >"$RESULTS/.times.txt"
  printf -v "$1" '%s' "$(awk 'NR == 2 {
    s = 0
    for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
    print s }' "$RESULTS/.times.txt")"
}
MEASURE_T0="" MEASURE_BUSY0="" MEASURE_OURS0=""
measure_begin() {
  wait_quiet
  MEASURE_T0=$(date +%s.%N)
  MEASURE_BUSY0=$(machine_busy)
  children_cpu MEASURE_OURS0
}
# measure_end LABEL — records the average number of cores used by other processes.
measure_end() {
  local t1 busy1 ours1 others
  t1=$(date +%s.%N)
  busy1=$(machine_busy)
  children_cpu ours1
  others=$(awk -v t="$(calc "$t1 - $MEASURE_T0")" -v b="$(calc "$busy1 - $MEASURE_BUSY0")" \
    -v o="$(calc "$ours1 - $MEASURE_OURS0")" 'BEGIN { x = (b - o) / t; if (x < 0) x = 0; printf "%.2f", x }')
  note "other processes used $others cores on average during: $1"
  [[ -n "$ROWS" ]] && printf '%s\t%s\n' "$1" "$others" >>"${ROWS%.tsv}.conditions"
}

# hf JSON HYPERFINE-ARGS... — hyperfine with results exported to JSON.
hf() {
  local json="$1"
  shift
  measure_begin
  hyperfine --style basic --export-json "$json" "$@" >&2
  measure_end "$(jq -r '[.results[].command] | join(" / ")' "$json")"
}

# hfv JSON INDEX FIELD — a field (mean, stddev, min, max, user, system) of result INDEX, in seconds.
hfv() { jq -r ".results[$2].$3" "$1"; }

# calc EXPR — floating-point arithmetic (awk), printed with 4 significant digits.
calc() { awk "BEGIN { printf \"%.4g\", $* }"; }

# secs X — format a duration in seconds for tables.
secs() { awk -v x="$1" 'BEGIN { if (x < 0.1) printf "%.1f ms", x * 1000; else if (x < 10) printf "%.3f s", x; else printf "%.1f s", x }'; }

# mib BYTES
mib() { awk -v x="$1" 'BEGIN { printf "%.1f MiB", x / 1048576 }'; }

# verdict VALUE LIMIT — "ok" when VALUE <= LIMIT, "MISSED" otherwise.
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "ok" : "MISSED" }'; }

# timev OUTVAR CMD... — runs CMD under /usr/bin/time -v (stdout discarded); sets
# TIMEV_WALL, TIMEV_USER, TIMEV_SYS (s), TIMEV_RSS (KiB), TIMEV_STATUS.
timev() {
  local out="$RESULTS/.timev.txt"
  TIMEV_STATUS=0
  measure_begin
  /usr/bin/time -v -o "$out" "$@" >/dev/null 2>"$RESULTS/.timev-stderr.txt" || TIMEV_STATUS=$?
  measure_end "/usr/bin/time -v $(basename "$1") $2"
  TIMEV_USER="$(awk -F': ' '/User time/ {print $2}' "$out")"
  TIMEV_SYS="$(awk -F': ' '/System time/ {print $2}' "$out")"
  TIMEV_RSS="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out")"
  TIMEV_WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out")"
}

# Result rows: TSV in results/NAME.tsv, printed as a markdown table at the end of each script.
ROWS=""
rows_begin() {
  ROWS="$RESULTS/$1.tsv"
  : >"$ROWS"
  : >"$RESULTS/$1.conditions"
}
# row BENCHMARK GUIDEKIT BASELINE RATIO TARGET VERDICT
row() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"
  printf '   %s | %s | %s | %s | %s | %s\n' "$@" >&2
}
rows_print() {
  echo "| benchmark | guidekit | baseline | ratio | target | verdict |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$ROWS"
  echo
  conditions_line "${ROWS%.tsv}.conditions"
}
# conditions_line FILE — one sentence on the CPU used by other processes during the measurements.
conditions_line() {
  [[ -s "$1" ]] || return 0
  awk -F'\t' '{ n++; s += $2; if ($2 > m) m = $2 } END {
    printf "Other processes on the machine used %.2f cores on average during these measurements (worst: %.2f).\n", s / n, m }' "$1"
}

# evict FILES... — drop the given files from the OS page cache (see evict.py).
evict() { /usr/bin/python3 "$BENCH_DIR/evict.py" "$@"; }
