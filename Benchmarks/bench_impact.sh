#!/usr/bin/env bash
# impact: a generated guideline set citing 1,000 real provisions — articles and paragraphs of every
# shared e-Gov law and controls of the NIST SP 800-53 OSCAL catalog — pinned to the earliest
# revision of each source, checked with
#   guidekit impact DIR --references <e-Gov laws> --references <OSCAL catalogs> --as-of DATE --format json
# Target (issues): <= 1 s cold. "Cold" = a new process (guidekit keeps no cache between runs) with the
# corpus, the reference files and the binary evicted from the OS page cache before every run
# (posix_fadvise DONTNEED on those files only). The warm figure is given too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine

K="${IMPACT_REFS:-1000}"
G="${IMPACT_GUIDELINES:-5}"
M="${IMPACT_CLAUSES:-200}"
AS_OF="${IMPACT_AS_OF:-2026-06-01}"
LAWS="$SHARED/egov/laws"
CATALOGS="$SHARED/oscal/catalogs"
NAME="impact-${K}refs"
DIR="$CORPUS/$NAME"
rows_begin impact

for d in "$LAWS" "$CATALOGS"; do
  [[ -d "$d" ]] || {
    echo "impact: reference folder $d missing" >&2
    exit 1
  }
done

log "impact: $G guidelines x $M clauses citing $K provisions"
gen "$NAME" --guidelines "$G" --clauses "$M" --impact-refs "$K" --egov "$LAWS" --oscal "$CATALOGS" --quiet
refs=$(cat "$DIR"/*/*.xml | grep -o '<ref ' | wc -l)
note "$refs <ref> elements; sources: $(grep -oh 'source="[^"]*"' "$DIR"/*/*.xml | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')"
check_corpus "$DIR" 2

CMD=("$GUIDEKIT" impact "$DIR" --references "$LAWS" --references "$CATALOGS" --as-of "$AS_OF" --format json)
CMD_STR="$(printf "'%s' " "${CMD[@]}")"
note "command: ${CMD[*]}"
status=0
"${CMD[@]}" >"$RESULTS/impact.json" 2>"$RESULTS/.impact.err" || status=$?
if [[ $status -ge 2 ]]; then
  echo "guidekit impact failed (status $status):" >&2
  cat "$RESULTS/.impact.err" >&2
  exit 1
fi
sed 's/^/   guidekit: /' "$RESULTS/.impact.err" >&2
note "report: $(jq -c '{references, current, stale, broken}' "$RESULTS/impact.json"); statuses: $(jq -c '[.findings[].status] | group_by(.) | map({(.[0]): length}) | add' "$RESULTS/impact.json")"
broken=$(jq -r '.broken' "$RESULTS/impact.json")
[[ "$broken" == "0" ]] || note "WARNING: $broken broken references (every generated ref cites a real provision)"

log "impact: cold runs (page cache of inputs and binary evicted before each run)"
# `-i`: impact exits 1 when references are stale, which they are by design here.
hf "$RESULTS/impact-cold.json" --runs 10 -i \
  --prepare "/usr/bin/python3 '$BENCH_DIR/evict.py' '$DIR' '$LAWS' '$CATALOGS' '$GUIDEKIT' '$(dirname "$GUIDEKIT")/guidekit_GuideKit.resources'" \
  -n "guidekit impact (cold)" "$CMD_STR"
log "impact: warm runs"
hf "$RESULTS/impact-warm.json" --warmup 2 --runs 10 -i -n "guidekit impact (warm)" "$CMD_STR"
# For scale: parsing every input once with xmllint (guidelines + every reference revision).
hf "$RESULTS/impact-xmllint.json" --warmup 2 --runs 10 \
  -n "xmllint --noout (all inputs)" "xmllint --noout '$DIR'/*/*.xml '$LAWS'/*.xml '$CATALOGS'/*/*.xml"

cold=$(hfv "$RESULTS/impact-cold.json" 0 mean)
cmax=$(hfv "$RESULTS/impact-cold.json" 0 max)
warm=$(hfv "$RESULTS/impact-warm.json" 0 mean)
lint=$(hfv "$RESULTS/impact-xmllint.json" 0 mean)
timev "${CMD[@]}"
row "impact $refs refs, cold (mean; max $(secs "$cmax"))" "$(secs "$cold")" "target 1 s" "$(calc "$cold / 1.0")x" "<= 1 s" "$(verdict "$cold" 1.0)"
row "impact $refs refs, warm page cache" "$(secs "$warm")" "xmllint --noout of all inputs $(secs "$lint")" "$(calc "$warm / $lint")x" "(info)" "-"
row "impact peak memory" "$(mib $((TIMEV_RSS * 1024)))" "-" "-" "(info)" "-"

rows_print
