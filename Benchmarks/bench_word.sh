#!/usr/bin/env bash
# word: the Word (.docx) exports next to the HTML of the same input
#   - an edition: guidekit render FILE --format docx  vs  --format html
#   - the 新旧対照表: guidekit diff OLD NEW --format docx  vs  --format table
# on the bundled 第4版 → 第5版 (security) and on a generated 2,000-clause pair (the render
# benchmark's generator, --pair, 5 % changed); with LibreOffice's own conversion of the same
# HTML into .docx (soffice --headless --convert-to docx) as the anchor.
# SOFFICE=none skips the anchor (LibreOffice takes a minute per run on the 2,000-clause page).
# Target: a .docx costs no more than 1.5x the HTML of the same input (the XSLT writes about
# as much, then the package is re-parsed and zipped); LibreOffice only for orientation.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine
CLAUSES="${WORD_CLAUSES:-2000}"
SOFFICE="${SOFFICE:-soffice}"
rows_begin word

log "word: generated pair of $CLAUSES clauses"
gen "word-$CLAUSES" --guidelines 1 --clauses "$CLAUSES" --pair --quiet
check_corpus "$CORPUS/word-$CLAUSES" 2
OLD_G="$(find "$CORPUS/word-$CLAUSES" -name 1.0.xml | head -n 1)"
NEW_G="$(find "$CORPUS/word-$CLAUSES" -name 2.0.xml | head -n 1)"

OUT="$RESULTS/.word"
mkdir -p "$OUT"
pairs=("guidelines/telework-security/4.0.xml guidelines/telework-security/5.0.xml" "$OLD_G $NEW_G")

for pair in "${pairs[@]}"; do
  read -r old new <<<"$pair"
  name="${new#"$CORPUS/"}"
  size=$(awk -v b="$(stat -c %s "$new")" 'BEGIN { printf "%.0f KB", b / 1000 }')
  log "word: $name"
  "$GUIDEKIT" render "$new" --format docx -o "$OUT/edition.docx"
  "$GUIDEKIT" render "$new" --format html -o "$OUT/edition.html"
  "$GUIDEKIT" diff "$old" "$new" --format docx -o "$OUT/table.docx" --quiet
  "$GUIDEKIT" diff "$old" "$new" --format table -o "$OUT/table.html" --quiet
  note "edition: docx $(stat -c %s "$OUT/edition.docx") bytes, html $(stat -c %s "$OUT/edition.html") bytes; table: docx $(stat -c %s "$OUT/table.docx") bytes, html $(stat -c %s "$OUT/table.html") bytes"
  runs=20
  [[ $(stat -c %s "$new") -gt 1000000 ]] && runs=5
  hf "$RESULTS/word-edition.json" --warmup 1 --runs "$runs" \
    -n "render --format docx" "'$GUIDEKIT' render '$new' --format docx -o '$OUT/e.docx'" \
    -n "render --format html" "'$GUIDEKIT' render '$new' --format html -o '$OUT/e.html'"
  g=$(hfv "$RESULTS/word-edition.json" 0 mean)
  h=$(hfv "$RESULTS/word-edition.json" 1 mean)
  r=$(calc "$g / $h")
  row "edition $name ($size): render --format docx" "$(secs "$g")" "html $(secs "$h")" "${r}x" "<= 1.5x" "$(verdict "$r" 1.5)"
  hf "$RESULTS/word-table.json" --warmup 1 --runs "$runs" \
    -n "diff --format docx" "'$GUIDEKIT' diff '$old' '$new' --format docx -o '$OUT/t.docx' --quiet" \
    -n "diff --format table" "'$GUIDEKIT' diff '$old' '$new' --format table -o '$OUT/t.html' --quiet"
  g=$(hfv "$RESULTS/word-table.json" 0 mean)
  h=$(hfv "$RESULTS/word-table.json" 1 mean)
  r=$(calc "$g / $h")
  row "新旧対照表 $name: diff --format docx" "$(secs "$g")" "table (HTML) $(secs "$h")" "${r}x" "<= 1.5x" "$(verdict "$r" 1.5)"

  if command -v "$SOFFICE" >/dev/null 2>&1; then
    # LibreOffice's HTML import and Word export of the same pages, as the anchor (one process per
    # run, a private profile so that runs do not share state).
    for kind in edition table; do
      hf "$RESULTS/word-lo-$kind.json" --warmup 1 --runs 3 \
        -n "soffice --convert-to docx $kind.html" \
        "$SOFFICE -env:UserInstallation=file://$OUT/profile --headless --convert-to 'docx:MS Word 2007 XML' --outdir '$OUT/lo' '$OUT/$kind.html' >/dev/null"
      lo=$(hfv "$RESULTS/word-lo-$kind.json" 0 mean)
      if [[ $kind == edition ]]; then g=$(hfv "$RESULTS/word-edition.json" 0 mean); else g=$(hfv "$RESULTS/word-table.json" 0 mean); fi
      row "$kind $name: guidekit docx vs LibreOffice HTML→docx" "$(secs "$g")" "soffice $(secs "$lo")" "$(calc "$g / $lo")x" "(anchor)" "-"
    done
  else
    row "LibreOffice HTML→docx ($name)" "skipped" "$SOFFICE not found" "-" "(anchor)" "-"
  fi
done

rows_print
