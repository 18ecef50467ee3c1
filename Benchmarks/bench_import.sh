#!/usr/bin/env bash
# import: guidekit import FILE.docx  vs  guidekit render FILE.xml --format html of the same edition,
# on the bundled 第5版 of the security guideline and on a generated 2,000-clause guideline.
# The Word documents are written without guidekit, by the python-docx script of the import test
# (Tests/GuideKitWordTests/Fixtures/make-fixture.py --unchanged): heading styles, typed numbers, no
# bookmarks. import is timed alone (ids from the number path) and with --supersedes the edition it
# was made from (ids by the diff's alignment: the costlier path). The ratio to render says what a
# Word round costs next to the HTML of the same input.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine
"$PYTHON" -c 'import docx' 2>/dev/null || {
  echo "python-docx is missing: pip install python-docx" >&2
  exit 1
}

CLAUSES="${IMPORT_CLAUSES:-2000}"
RUNS="${IMPORT_RUNS:-10}"
MAKE="Tests/GuideKitWordTests/Fixtures/make-fixture.py"
rows_begin import

log "import: generated guideline of $CLAUSES clauses"
gen "import-$CLAUSES" --guidelines 1 --clauses "$CLAUSES" --quiet
check_corpus "$CORPUS/import-$CLAUSES" 1
WORK="$RESULTS/.import-work"
rm -rf "$WORK"
mkdir -p "$WORK/telework-security" "$WORK/gen-0001"
cp guidelines/telework-security/5.0.xml "$WORK/telework-security/5.0.xml"
cp "$CORPUS/import-$CLAUSES/gen-0001/1.0.xml" "$WORK/gen-0001/1.0.xml"
"$PYTHON" "$MAKE" --unchanged --source "$WORK/telework-security/5.0.xml" --out "$WORK/security-5.0.docx" >/dev/null
"$PYTHON" "$MAKE" --unchanged --source "$WORK/gen-0001/1.0.xml" --out "$WORK/gen.docx" >/dev/null

bench() { # NAME ID EDITION DOCX PREVIOUS-VERSION
  local name="$1" id="$2" edition="$3" docx="$4" previous="$5"
  local folder out
  folder="$(dirname "$edition")"
  out="$folder/9.0.xml"
  note "$name: $(mib "$(stat -c %s "$docx")") .docx, $(mib "$(stat -c %s "$edition")") XML"
  # import must succeed before it is timed.
  "$GUIDEKIT" import "$docx" --guideline "$id" --version 9.0 --supersedes "$previous" --issued 2026-04-01 \
    -o "$out" 2>"$RESULTS/.import.err" || {
    cat "$RESULTS/.import.err" >&2
    exit 1
  }
  note "$(tail -n 1 "$RESULTS/.import.err")"
  hf "$RESULTS/import-$id.json" --warmup 1 --runs "$RUNS" \
    -n "guidekit render --format html" -n "guidekit import" -n "guidekit import --supersedes" \
    "'$GUIDEKIT' render '$edition' --format html -o '$WORK/out.html'" \
    "'$GUIDEKIT' import '$docx' --guideline '$id' --version 9.0 --issued 2026-04-01 -o '$out' --quiet" \
    "'$GUIDEKIT' import '$docx' --guideline '$id' --version 9.0 --supersedes '$previous' --issued 2026-04-01 -o '$out' --quiet"
  local render import aligned r
  render=$(hfv "$RESULTS/import-$id.json" 0 mean)
  import=$(hfv "$RESULTS/import-$id.json" 1 mean)
  aligned=$(hfv "$RESULTS/import-$id.json" 2 mean)
  r=$(calc "$import / $render")
  row "import $name, wall" "$(secs "$import")" "render html $(secs "$render")" "${r}x" "(info)" "-"
  r=$(calc "$aligned / $render")
  row "import $name --supersedes (aligned ids), wall" "$(secs "$aligned")" "render html $(secs "$render")" "${r}x" "(info)" "-"
  rm -f "$out"
}

bench "bundled 第5版" telework-security "$WORK/telework-security/5.0.xml" "$WORK/security-5.0.docx" 5.0
bench "$CLAUSES clauses" gen-0001 "$WORK/gen-0001/1.0.xml" "$WORK/gen.docx" 1.0

# The anchor: LibreOffice's own conversion of the rendered HTML to .docx, when it is installed.
if command -v soffice >/dev/null 2>&1; then
  "$GUIDEKIT" render "$WORK/gen-0001/1.0.xml" --format html -o "$WORK/gen.html"
  hf "$RESULTS/import-soffice.json" --warmup 1 --runs 3 -n "soffice html → docx" \
    "soffice --headless --convert-to docx:'MS Word 2007 XML' --outdir '$WORK/lo' '$WORK/gen.html' >/dev/null 2>&1"
  lo=$(hfv "$RESULTS/import-soffice.json" 0 mean)
  row "LibreOffice: $CLAUSES-clause HTML → .docx, wall" "$(secs "$lo")" "-" "-" "(anchor)" "-"
else
  note "soffice not installed: the LibreOffice anchor is skipped"
fi
rm -rf "$WORK"
rows_print
