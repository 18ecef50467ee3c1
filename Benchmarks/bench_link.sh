#!/usr/bin/env bash
# link: guidekit link FILE  vs  guidekit validate FILE on a generated 2,000-clause guideline.
# Target (issue 20): linking the guideline takes less time than validating it (ratio < 1.0).
# The guideline is generated with its refs, then every <ref> is stripped to its text, so that link
# has every citation to find and mark up again; each timed link run starts from the stripped copy
# (hyperfine --prepare). link --dry-run (the same work, a unified diff printed instead of the
# write) is timed too. validate runs on the same stripped copy (its unlinked-citation rule reads
# the prose as link does).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine

CLAUSES="${LINK_CLAUSES:-2000}"
RUNS="${LINK_RUNS:-10}"
rows_begin link

log "link: generated guideline of $CLAUSES clauses"
gen "link-$CLAUSES" --guidelines 1 --clauses "$CLAUSES" --quiet
check_corpus "$CORPUS/link-$CLAUSES" 1
SOURCE="$CORPUS/link-$CLAUSES/gen-0001/1.0.xml"
WORK="$RESULTS/.link-work"
rm -rf "$WORK"
mkdir -p "$WORK/gen"
STRIPPED="$WORK/stripped.xml"
sed -E 's#<ref [^>]*>([^<]*)</ref>#\1#g' "$SOURCE" >"$STRIPPED"
TARGET="$WORK/gen/1.0.xml"
cp "$STRIPPED" "$TARGET"
refs=$(grep -o '<ref ' "$SOURCE" | wc -l)
note "$(mib "$(stat -c %s "$SOURCE")"), $refs refs stripped to text"

# link must succeed and find the refs again before it is timed.
"$GUIDEKIT" link "$TARGET" --references references --quiet >/dev/null 2>"$RESULTS/.link.err" || {
  cat "$RESULTS/.link.err" >&2
  exit 1
}
relinked=$(grep -o '<ref ' "$TARGET" | wc -l)
note "link inserted $relinked refs ($refs in the generated file)"
cp "$STRIPPED" "$TARGET"

# One --prepare per command, in the order of the commands (hyperfine pairs them).
hf "$RESULTS/link.json" --warmup 1 --runs "$RUNS" \
  --prepare "true" --prepare "cp '$STRIPPED' '$TARGET'" --prepare "cp '$STRIPPED' '$TARGET'" \
  -n "guidekit validate" -n "guidekit link" -n "guidekit link --dry-run" \
  "'$GUIDEKIT' validate '$TARGET' --references references --quiet || true" \
  "'$GUIDEKIT' link '$TARGET' --references references --quiet" \
  "'$GUIDEKIT' link --dry-run '$TARGET' --references references --quiet"

validate=$(hfv "$RESULTS/link.json" 0 mean)
link=$(hfv "$RESULTS/link.json" 1 mean)
dry=$(hfv "$RESULTS/link.json" 2 mean)
r=$(calc "$link / $validate")
row "link $CLAUSES clauses ($relinked refs inserted), wall" "$(secs "$link")" "validate $(secs "$validate")" "${r}x" "< 1.0x" "$(verdict "$r" 0.9999)"
r=$(calc "$dry / $validate")
row "link --dry-run (unified diff), wall" "$(secs "$dry")" "validate $(secs "$validate")" "${r}x" "(info)" "-"
rm -rf "$WORK"
rows_print
