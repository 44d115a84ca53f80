#!/usr/bin/env bash
# HTTP benchmarks against a fresh server (demo district with its scenarios, SQLite by default, or
# PostgreSQL with WAGELINK_BENCH_DB=postgresql://...) on a free port; stops it afterwards.
# Usage: bench/run.sh [BUILD_DIR]. Compare ratios, not timings: wrk and the server share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${WAGELINK_BENCH_SECONDS:-10}
source bench/fresh_server.sh

# A signed-in prosecutor (sees every case) and one case id, for the authenticated read.
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"username":"prosecutor","password":"WageLink#2026"}' \
  "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 ~ /wagelink_session/ {print $6"="$7}' "$tmp/jar")
case_id=$(curl -s -b "$tmp/jar" "$base/api/v1/cases?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

run() {  # name, path
  echo "== $1: $2 — 64 keep-alive connections, 2 threads, ${duration}s"
  wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" -s bench/report.lua "$base$2" | tee "$tmp/$1.txt" |
    grep -E "requests/s|p50|p99"
}
run healthz /healthz
run case_read "/api/v1/cases/$case_id"
run case_list "/api/v1/cases?page_size=20"
python3 - "$tmp" <<'PY'
import re, sys
def rps(name):
    return float(re.search(r"requests/s: (\d+)", open(f"{sys.argv[1]}/{name}.txt").read()).group(1))
h = rps("healthz")
for name in ("case_read", "case_list"):
    print(f"ratio {name}/healthz = {rps(name) / h:.2f} (target for case_read: >= 0.40)")
PY
