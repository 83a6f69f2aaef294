#!/usr/bin/env bash
# Second README command (and what CI runs): install, build with warnings as errors, run every
# test; then build the core suites under AddressSanitizer + UndefinedBehaviorSanitizer and run
# them. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
jobs="$(nproc)"
export QT_QPA_PLATFORM=offscreen

echo "== build (ci preset: RelWithDebInfo, -Werror) =="
cmake --preset ci
cmake --build --preset ci -j "$jobs"

echo "== tests =="
ctest --preset ci -j "$jobs"

echo "== core tests under ASan + UBSan =="
cmake --preset asan-ubsan
cmake --build --preset asan-ubsan -j "$jobs" --target core_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan-ubsan -L core -j "$jobs"

echo "== all tests passed =="
