#!/usr/bin/env bash
# Runs the HTTP benchmarks against a fresh server on a free port, then stops it.
# Usage: bench/run.sh [BUILD_DIR]   (numbers depend on the machine: compare ratios, not timings)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'kill $(cat $tmp/pid 2>/dev/null) 2>/dev/null || true; rm -rf $tmp' EXIT
"$build/wagelink" init --demo --db "sqlite:$tmp/bench.db" >/dev/null 2>&1
WAGELINK_LOG_LEVEL=warn "$build/wagelink" serve --db "sqlite:$tmp/bench.db" --port 0 --port-file "$tmp/port" \
  --config <(printf '[log]\naccess_log = false\n') >/dev/null 2>&1 &
echo $! > "$tmp/pid"
for _ in $(seq 100); do [[ -s $tmp/port ]] && break; sleep 0.05; done
port=$(cat "$tmp/port")
echo "== /healthz, 64 keep-alive connections, 2 threads, 10 s"
wrk -t2 -c64 -d10s --latency -s bench/healthz.lua "http://127.0.0.1:$port/healthz"
