#!/usr/bin/env bash
# `make test`: everything, as CI runs it. Unit and API tests in the optimised build and again under
# AddressSanitizer + UndefinedBehaviorSanitizer, the API suite on SQLite and on a real PostgreSQL
# (sanitized, the PostgreSQL suites whose C++ differs from SQLite's; tests/CMakeLists.txt says which),
# a short deterministic run of every fuzz target, the web unit tests and the browser end-to-end
# tests. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== dependencies (the test profile: PostgreSQL, Chromium, PDF tools, wrk, hyperfine ...)"
scripts/install-deps.sh test
echo "== build (RelWithDebInfo)"
make --no-print-directory build
echo "== build (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWAGELINK_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"

echo "== fuzzing: every libFuzzer target over its corpus, regressions and a fixed set of new inputs"
scripts/fuzz.sh

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "== unit and API tests (SQLite and PostgreSQL), optimised and sanitized builds"
scripts/with-postgres.sh bash -c "
  set -e
  ctest --test-dir build -j$jobs --output-on-failure --timeout 300
  ctest --test-dir build-asan -j$jobs --output-on-failure --timeout 600
"

echo "== the Debian package: install, start, upgrade, remove, purge in a throw-away root"
scripts/test-package.sh

if [[ -f web/package.json ]]; then
  echo "== web unit tests"
  (cd web && npm test --silent)
  echo "== browser end-to-end tests (headless Chromium against a real server)"
  WAGELINK_BINARY="$PWD/build/wagelink" node tests/e2e/run.mjs
fi
echo "== all tests passed"
