#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit, index and end-to-end
# tiers, through CTest), in two passes:
#   1. Release, in build/ (scripts/setup.sh installs the packages and builds it);
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer
#      (-DBYLINE_SANITIZE=ON, GCC, RelWithDebInfo) in build-asan/.
# Usage: scripts/test.sh              both passes (what CI runs: .ci/run)
#        scripts/test.sh --fast       the Release pass only
#        scripts/test.sh --sanitize   the sanitizer pass only
# Extra arguments after these go to ctest (e.g. -R warc, -L unit).
# In the sanitizer pass any report fails the test that triggered it: ASan
# stops at its first error, UBSan is compiled with -fno-sanitize-recover and
# runs with halt_on_error=1 (print_stacktrace=1 says where), and
# LeakSanitizer turns a leak into a non-zero exit. Nothing is suppressed.
# ASAN_OPTIONS / UBSAN_OPTIONS already set in the environment are kept.
set -euo pipefail
cd "$(dirname "$0")/.."

release=1 sanitize=1
case "${1:-}" in
  --fast) sanitize=0; shift ;;
  --sanitize) release=0; shift ;;
esac
jobs="$(nproc)"

scripts/setup.sh  # packages, and the Release build (the sanitizer pass needs the packages too)
if ((release)); then
  echo "== test.sh: Release suite (build/)" >&2
  ctest --test-dir build --output-on-failure -j "$jobs" "$@"
fi
if ((sanitize)); then
  echo "== test.sh: ASan+UBSan suite (build-asan/)" >&2
  # Benchmark drivers are not tests; leaving them out saves build time.
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_SANITIZE=ON \
    -DBYLINE_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
  ctest --test-dir build-asan --output-on-failure -j "$jobs" "$@"
fi
