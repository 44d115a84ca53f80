#!/usr/bin/env bash
# Searches over many cases, before and after a change (issue 16): servers of each given binary are
# started in turn on ONE generated database, and each times the same searches (30 requests one at a
# time, p50 and p95), for ROUNDS alternated rounds, so that the machine's drift between rounds
# shows up as a difference between rounds, not between versions. Terms of bench/generate.py's titles
# (合成案件 + an 8-digit number): 合成案件0001 is in 10,000 of 1,000,000 cases, 合成案件00012 in
# 1,000, 合成案件000 in 100,000.
# SQLite by default, or an empty PostgreSQL database with WAGELINK_BENCH_DB=postgresql://...
# A binary must live in a build directory (it finds data/ beside it): cp build/wagelink build/wagelink-old.
# Usage: bench/search_ab.sh [CASES] BINARY...     e.g. bench/search_ab.sh 1000000 build/wagelink-old build/wagelink
#   ROUNDS=2 by default; SEARCH_AB_DIR=DIR keeps the generated database in DIR for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=$1
shift
tmp=${SEARCH_AB_DIR:-$(mktemp -d)}
mkdir -p "$tmp"
db=${WAGELINK_BENCH_DB:-sqlite:$tmp/scale.db}
if [[ ! -e $tmp/generated ]]; then
  "$1" init --demo --db "$db" --key-file "$tmp/key" >/dev/null 2>&1
  python3 bench/generate.py "${db#sqlite:}" --cases "$cases" --workers-per-case 10 | tail -1
  touch "$tmp/generated"
fi
printf '[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n' > "$tmp/bench.toml"
trap 'kill $(cat "$tmp/pid" 2>/dev/null) 2>/dev/null || true' EXIT
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
searches=("leader|合成案件0001|" "leader|合成案件0001|&state=complaint_received" "police|合成案件0001|"
          "police|合成案件0001|&state=complaint_received" "leader|合成案件00012|" "leader|合成案件000|" "police|合成案件000|"
          "police|合成案件000|&state=complaint_received")
for round in $(seq "${ROUNDS:-2}"); do
  for binary in "$@"; do
    rm -f "$tmp/port"
    "$binary" serve --db "$db" --key-file "$tmp/key" --port 0 --port-file "$tmp/port" --config "$tmp/bench.toml" \
      >/dev/null 2>&1 &
    echo $! > "$tmp/pid"
    # The first start on a bulk-loaded database recounts the running totals (about a minute).
    for _ in $(seq 6000); do [[ -s $tmp/port ]] && break; sleep 0.05; done
    base="http://127.0.0.1:$(cat "$tmp/port")"
    echo "== round $round: $binary"
    for user in leader police; do
      curl -s -c "$tmp/$user.jar" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"WageLink#2026\"}" "$base/api/v1/auth/login" >/dev/null
    done
    for search in "${searches[@]}"; do
      IFS='|' read -r user term extra <<<"$search"
      path="/api/v1/cases?q=$(encode "$term")$extra"
      total=$(curl -s -b "$tmp/$user.jar" "$base$path" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
      for _ in $(seq 30); do curl -s -b "$tmp/$user.jar" -o /dev/null -w '%{time_total}\n' "$base$path"; done |
        sort -n | awk -v what="$user $term$extra ($total)" \
          '{t[NR] = $1 * 1000} END {printf "%s: p50 %.1f ms, p95 %.1f ms\n", what, t[int(NR * 0.5)], t[int(NR * 0.95)]}'
    done
    kill "$(cat "$tmp/pid")"
    wait "$(cat "$tmp/pid")" 2>/dev/null || true
  done
done
