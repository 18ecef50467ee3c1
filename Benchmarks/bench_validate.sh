#!/usr/bin/env bash
# validate: guidekit validate DIR  vs  xmllint --noout --schema schemas/guideline.xsd FILES...
# on 1,000 generated guidelines x 200 clauses. Target (DESIGN.md "Performance"): guidekit costs no
# more than xmllint --schema on the same files (ratio <= 1.0). Also the cost of the semantic rules:
# guidekit validate --schema schemas/guideline.xsd DIR (XSD only, no semantic rules) vs the full run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_guidekit
need_tool hyperfine
need_tool xmllint libxml2-utils

N="${VALIDATE_GUIDELINES:-1000}"
M="${VALIDATE_CLAUSES:-200}"
RUNS="${VALIDATE_RUNS:-2}"
DIR="$CORPUS/validate-${N}x${M}"
rows_begin validate

log "validate: corpus of $N guidelines x $M clauses"
gen "validate-${N}x${M}" --guidelines "$N" --clauses "$M" --quiet
FILES=$(find "$DIR" -name '*.xml' | wc -l)
BYTES=$(find "$DIR" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
note "$FILES files, $(mib "$BYTES")"
check_corpus "$DIR" 5

log "validate: hyperfine ($RUNS runs each; caches warmed by the corpus check)"
# The shell expands the glob in sorted order: the same files guidekit finds in DIR.
hf "$RESULTS/validate.json" --runs "$RUNS" \
  -n "guidekit validate" "'$GUIDEKIT' validate '$DIR' --quiet" \
  -n "guidekit validate --schema (XSD only)" "'$GUIDEKIT' validate --schema $SCHEMA '$DIR' --quiet" \
  -n "xmllint --schema" "xmllint --noout --schema $SCHEMA '$DIR'/*/*.xml"

full=$(hfv "$RESULTS/validate.json" 0 mean)
xsd=$(hfv "$RESULTS/validate.json" 1 mean)
lint=$(hfv "$RESULTS/validate.json" 2 mean)
full_cpu=$(calc "$(hfv "$RESULTS/validate.json" 0 user) + $(hfv "$RESULTS/validate.json" 0 system)")
xsd_cpu=$(calc "$(hfv "$RESULTS/validate.json" 1 user) + $(hfv "$RESULTS/validate.json" 1 system)")
lint_cpu=$(calc "$(hfv "$RESULTS/validate.json" 2 user) + $(hfv "$RESULTS/validate.json" 2 system)")

r=$(calc "$full / $lint")
row "validate $FILES files x $M clauses ($(mib "$BYTES")), wall" "$(secs "$full")" "xmllint --schema $(secs "$lint")" "${r}x" "<= 1.0x" "$(verdict "$r" 1.0)"
r=$(calc "$full_cpu / $lint_cpu")
row "validate, CPU time (user+sys)" "$(secs "$full_cpu")" "xmllint --schema $(secs "$lint_cpu")" "${r}x" "(info)" "-"
r=$(calc "$xsd / $lint")
row "validate --schema (XSD only, no semantic rules), wall" "$(secs "$xsd")" "xmllint --schema $(secs "$lint")" "${r}x" "<= 1.0x" "$(verdict "$r" 1.0)"
r=$(calc "$xsd_cpu / $lint_cpu")
row "validate --schema (XSD only), CPU time (user+sys)" "$(secs "$xsd_cpu")" "xmllint --schema $(secs "$lint_cpu")" "${r}x" "(info)" "-"
sem=$(calc "$full - $xsd")
r=$(calc "$full / $xsd")
row "semantic rules: full run vs XSD-only run" "+$(secs "$sem") wall, +$(secs "$(calc "$full_cpu - $xsd_cpu")") CPU" "XSD only $(secs "$xsd")" "${r}x" "(info)" "-"

rows_print
