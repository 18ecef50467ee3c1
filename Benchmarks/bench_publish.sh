#!/usr/bin/env bash
# publish: a generated corpus of 20 guidelines x 10 editions x 200 clauses (200 editions).
#   - full guidekit publish into an empty folder: wall time and CPU utilisation
#     ((user+sys)/wall, should approach the number of cores);
#   - an incremental run with nothing changed: ratio to the full run (target <= 10 %).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine

G="${PUBLISH_GUIDELINES:-20}"
E="${PUBLISH_EDITIONS:-10}"
M="${PUBLISH_CLAUSES:-200}"
FULL_RUNS="${PUBLISH_FULL_RUNS:-2}"
AS_OF="${PUBLISH_AS_OF:-2026-12-31}"
NAME="publish-${G}x${E}x${M}"
DIR="$CORPUS/$NAME"
OUT="$CORPUS/$NAME-site"
REFS=()
[[ -d "$SHARED/egov/laws" ]] && REFS+=(--references "$SHARED/egov/laws")
[[ -d "$SHARED/oscal/catalogs" ]] && REFS+=(--references "$SHARED/oscal/catalogs")
rows_begin publish

log "publish: corpus of $G guidelines x $E editions x $M clauses"
gen "$NAME" --guidelines "$G" --editions "$E" --clauses "$M" --quiet
FILES=$(find "$DIR" -name '*.xml' | wc -l)
BYTES=$(find "$DIR" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
note "$FILES editions, $(mib "$BYTES")"
check_corpus "$DIR" 3

CMD=("$GUIDEKIT" publish --guidelines "$DIR" --out "$OUT" "${REFS[@]}" --as-of "$AS_OF" --impact-report)
# The build state publish keeps beside the output folder (a full run starts without it).
STATE="$(dirname "$OUT")/.$(basename "$OUT").guidekit"
RUN_DIR="$REPO"
note "command: ${CMD[*]}"

log "publish: one full run (checked, then timed by hyperfine)"
rm -rf "$OUT" "$STATE"
if ! "${CMD[@]}" 2>"$RESULTS/.publish-full.err"; then
  echo "guidekit publish failed with the reference folders:" >&2
  sed 's/^/   /' "$RESULTS/.publish-full.err" >&2
  row "publish with --references (impact report)" "FAILED: $(tail -n 1 "$RESULTS/.publish-full.err")" "-" "-" "-" "FAILED"
  [[ ${#REFS[@]} -gt 0 ]] || exit 1
  # Measure the rest of the site without the impact report: no --references, and run from the
  # corpus folder so that the repository's references/ is not picked up by default.
  note "measuring without --references instead"
  CMD=("$GUIDEKIT" publish --guidelines "$DIR" --out "$OUT" --as-of "$AS_OF")
  RUN_DIR="$CORPUS"
  rm -rf "$OUT" "$STATE"
  (cd "$RUN_DIR" && "${CMD[@]}") 2>"$RESULTS/.publish-full.err" || {
    echo "guidekit publish failed:" >&2
    cat "$RESULTS/.publish-full.err" >&2
    exit 1
  }
fi
CMD_STR="cd '$RUN_DIR' && $(printf "'%s' " "${CMD[@]}")"
sed 's/^/   guidekit: /' "$RESULTS/.publish-full.err" >&2
note "site: $(find "$OUT" -type f | wc -l) files, $(du -sh "$OUT" | cut -f1)"

hf "$RESULTS/publish-full.json" --runs "$FULL_RUNS" --prepare "rm -rf '$OUT' '$STATE'" \
  -n "guidekit publish (full)" "$CMD_STR"
full=$(hfv "$RESULTS/publish-full.json" 0 mean)
user=$(hfv "$RESULTS/publish-full.json" 0 user)
sys=$(hfv "$RESULTS/publish-full.json" 0 system)
util=$(calc "($user + $sys) / $full")
cores=$(nproc)

log "publish: incremental run, nothing changed"
(cd "$RUN_DIR" && "${CMD[@]}") 2>"$RESULTS/.publish-incr.err"
sed 's/^/   guidekit: /' "$RESULTS/.publish-incr.err" >&2
before=$(find "$OUT" -type f -printf '%T@ %p\n' | sort | md5sum)
hf "$RESULTS/publish-incr.json" --warmup 1 --runs 5 -n "guidekit publish (nothing changed)" "$CMD_STR"
after=$(find "$OUT" -type f -printf '%T@ %p\n' | sort | md5sum)
incr=$(hfv "$RESULTS/publish-incr.json" 0 mean)
iuser=$(hfv "$RESULTS/publish-incr.json" 0 user)
isys=$(hfv "$RESULTS/publish-incr.json" 0 system)
touched="no file rewritten"
[[ "$before" != "$after" ]] && touched="FILES REWRITTEN"

refs_note="with --references"
[[ "$RUN_DIR" == "$REPO" && ${#REFS[@]} -gt 0 ]] || refs_note="without references"
row "publish full, $FILES editions x $M clauses ($(mib "$BYTES")), $refs_note, wall" "$(secs "$full")" "-" "-" "(info)" "-"
row "publish full, CPU utilisation (user+sys)/wall" "$(calc "$user + $sys") s CPU / $(secs "$full")" "$cores cores" "$util of $cores" "-> $cores" "$(awk -v u="$util" -v c="$cores" 'BEGIN { print (u >= 0.8 * c) ? "ok" : "MISSED" }')"
r=$(calc "$incr / $full")
row "publish incremental, nothing changed ($touched)" "$(secs "$incr") ($(calc "$iuser + $isys") s CPU)" "full $(secs "$full")" "$(calc "100 * $r") %" "<= 10 %" "$(verdict "$r" 0.10)"

rows_print
