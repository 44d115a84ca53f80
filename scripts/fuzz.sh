#!/usr/bin/env bash
# libFuzzer over the request path, the JSON bodies, multipart, the import files and the assessment
# input (fuzz/README.md). Builds its own clang tree (build-fuzz) with ASan + UBSan.
#   scripts/fuzz.sh            the short run of `make test`: every target over its seed corpus and its
#                              regressions, then a fixed number of new inputs from a fixed seed, so
#                              the same inputs are tried on every machine and a run never fails by luck
#   scripts/fuzz.sh long SECS  each target for SECS seconds from a random seed, keeping what it learns
#                              in build-fuzz/corpus/<target> (the documented long run)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
seconds=${2:-600}
targets=(http_request json_bodies assessment_input multipart table_import)
runs_short=${WAGELINK_FUZZ_RUNS:-100000}

export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWAGELINK_SANITIZE=ON \
  -DWAGELINK_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/crashes
for target in "${targets[@]}"; do
  seeds=(fuzz/corpus/"$target")
  [[ -d fuzz/regressions/$target ]] && seeds+=(fuzz/regressions/"$target")
  common=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix=build-fuzz/crashes/"$target"- )
  if [[ $mode == long ]]; then
    mkdir -p build-fuzz/corpus/"$target"
    echo "== fuzz $target for ${seconds}s"
    build-fuzz/fuzz_"$target" "${common[@]}" -max_total_time="$seconds" build-fuzz/corpus/"$target" "${seeds[@]}"
  else
    # New inputs go to a scratch folder: the committed corpus changes only by hand (fuzz/README.md).
    scratch=$(mktemp -d)
    started=$(date +%s)
    if ! build-fuzz/fuzz_"$target" "${common[@]}" -seed=1 -runs="$runs_short" "$scratch" "${seeds[@]}" \
        >build-fuzz/"$target".log 2>&1; then
      rm -rf "$scratch"
      tail -60 build-fuzz/"$target".log
      echo "fuzz: $target failed; the input is in build-fuzz/crashes/ (fuzz/README.md says what to do)" >&2
      exit 1
    fi
    rm -rf "$scratch"
    stats=$(grep -o "cov: [0-9]* ft: [0-9]* corp: [0-9]*" build-fuzz/"$target".log | tail -1)
    echo "fuzz: $target ok ($runs_short inputs, $(($(date +%s) - started)) s) ${stats}"
  fi
done
