#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer, then the parallel tests under ThreadSanitizer.
#
#   scripts/sanitizers.sh [address|thread|all]     (default: all)
#
# Each sanitizer builds into its own scratch folder (.build-asan, .build-tsan): on two cores a
# first run takes a long while (swift-crypto's C code is rebuilt instrumented).
# ThreadSanitizer runs the tests that exercise guidekit from many threads: XSLT and schema
# validation from many threads, parallel validation of the corpus, diffs forced onto every core
# (ParallelTests), and the publish fault tests
# (`guidekit publish` builds its files with concurrentPerform; the binary is instrumented too,
# and a race it reports makes it exit 66, which fails those tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# The default build links the system allocator (mimalloc only with --traits Mimalloc):
# ThreadSanitizer reports false races when mimalloc is linked as well.
which=${1:-all}
status=0

if [[ $which == address || $which == all ]]; then
  echo "== swift test --sanitize=address" >&2
  # detect_leaks: LeakSanitizer runs at exit of the test process (and of every guidekit child).
  # The suppressions cover memory the Swift runtime, XCTest, the Regex engine and Foundation
  # keep for the life of a process (see the file); the variables reach every guidekit child too.
  # Children get ten times the usual time: instrumented, libxml2's buffer growth (realloc that
  # cannot extend in place under ASan) makes the 1.5 MB page of the full-disk test take a minute.
  GUIDEKIT_TEST_TIMEOUT_SCALE=10 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0" \
    swift test --scratch-path .build-asan --sanitize=address || status=1
fi

if [[ $which == thread || $which == all ]]; then
  echo "== swift test --sanitize=thread (parallel validate, XSLT, publish)" >&2
  GUIDEKIT_TEST_TIMEOUT_SCALE=10 TSAN_OPTIONS=halt_on_error=0 \
    swift test --scratch-path .build-tsan --sanitize=thread \
      --filter 'ManyThreadsAtOnce|parallelValidation|parallelLoad|PublishFaultTests|ParallelTests' || status=1
fi

exit "$status"
