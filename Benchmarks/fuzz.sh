#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ (address sanitizer on) and runs it for SECONDS.
#
#   Benchmarks/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: FuzzLoad | FuzzValidate | FuzzDiff | FuzzTextLayout
#
# Seeds: Fuzz/corpus/TARGET (checked in, read only). The corpus the run grows goes to
# Fuzz/corpus-run/TARGET, crashes, leaks and timeouts to Fuzz/findings/TARGET/ (both git-ignored).
# Reproduce a finding: Fuzz/.build/release/TARGET Fuzz/findings/TARGET/crash-…
# Minimise it:        Fuzz/.build/release/TARGET -minimize_crash=1 -runs=100000 FILE
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer flags...]" >&2
  exit 64
fi
target=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
[[ -d "$fuzz/Sources/$target" ]] || { echo "$0: no fuzz target $target in $fuzz/Sources" >&2; exit 64; }

export PATH="/opt/swift/usr/bin:$PATH"
# Build from a snapshot of the sources (modification times kept, so rebuilds are incremental):
# an edit in the working tree during the long sanitizer build would otherwise abort it.
snapshot="$fuzz/.build/snapshot"
rm -rf "$snapshot/Sources" "$snapshot/Fuzz/Sources"
mkdir -p "$snapshot/Fuzz"
cp -a "$root/Package.swift" "$root/Sources" "$snapshot/"
[[ -f "$root/Package.resolved" ]] && cp -a "$root/Package.resolved" "$snapshot/"
cp -a "$fuzz/Package.swift" "$fuzz/Sources" "$snapshot/Fuzz/"
[[ -f "$fuzz/Package.resolved" ]] && cp -a "$fuzz/Package.resolved" "$snapshot/Fuzz/"
# The manifests are touched so that SwiftPM plans again: with the copies' times kept it would
# reuse its cached list of source files and miss files added since the last build.
touch "$snapshot/Package.swift" "$snapshot/Fuzz/Package.swift"
# Release build: the fuzzer is an order of magnitude faster than in debug.
# SwiftPM passes the two sanitizers to swiftc as two `-sanitize=` flags, of which swiftc (6.3)
# keeps only the last: the Swift code got AddressSanitizer but no coverage counters, and
# libFuzzer found "no interesting inputs". The combined flag, last on the command line, gives
# both (C code is instrumented by SwiftPM's own flags).
swift build --package-path "$snapshot/Fuzz" --scratch-path "$fuzz/.build" -c release \
  --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address >&2
# Refuse a binary without coverage counters for guidekit's code rather than fuzz blind.
if ! objdump -h "$fuzz/.build/release/GuideKit.build/DocumentDiffer.swift.o" 2>/dev/null | grep sancov_cntrs >/dev/null; then
  echo "$0: guidekit's code was built without coverage instrumentation" >&2
  exit 70
fi
binary="$fuzz/.build/release/$target"

mkdir -p "$fuzz/corpus-run/$target" "$fuzz/findings/$target"
log="$fuzz/findings/$target/run-$(date +%Y%m%d-%H%M%S).log"
echo "fuzzing $target for ${seconds}s; log: $log" >&2
set +e
# The grown corpus comes first (new units are written there); the seeds are read only.
"$binary" "$fuzz/corpus-run/$target" "$fuzz/corpus/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
  -artifact_prefix="$fuzz/findings/$target/" -print_final_stats=1 "$@" 2>&1 | tee "$log" >&2
status=${PIPESTATUS[0]}
set -e
grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" >&2 || true
ls "$fuzz/findings/$target" | grep -Ev '\.log$' >&2 || echo "no findings" >&2
exit "$status"
