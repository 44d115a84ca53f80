#!/usr/bin/env bash
# The dashboard over many cases (issue 16): N synthetic cases (bench/generate.py), then the server's
# start (which recounts the running totals the bulk load bypassed), then 30 dashboard requests one
# at a time for a region-wide role (leader) and a scoped one (police), p50 and p95, and the case
# list's first page with its exact count for a few filters and searches. For the ratio in the same run it also
# times, on the same database, the case-figure aggregate the dashboard ran over every case before
# the running totals (session 20's query).
# SQLite by default, or an empty PostgreSQL database with WAGELINK_BENCH_DB=postgresql://...
# Usage: bench/dashboard_scale.sh [BUILD_DIR] [CASES]    (1,000,000 cases: ~10 min, 1.3 GB)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cases=${2:-1000000}
tmp=$(mktemp -d)
trap 'kill $(cat $tmp/pid 2>/dev/null) 2>/dev/null || true; rm -rf $tmp' EXIT
db=${WAGELINK_BENCH_DB:-sqlite:$tmp/scale.db}
"$build/wagelink" init --demo --db "$db" --key-file "$tmp/key" >/dev/null 2>&1
python3 bench/generate.py "${db#sqlite:}" --cases "$cases" --workers-per-case 10 | tail -1
printf '[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n' > "$tmp/bench.toml"
started=$(date +%s.%N)
"$build/wagelink" serve --db "$db" --key-file "$tmp/key" --port 0 --port-file "$tmp/port" \
  --config "$tmp/bench.toml" >/dev/null 2>&1 &
echo $! > "$tmp/pid"
for _ in $(seq 6000); do [[ -s $tmp/port ]] && break; sleep 0.05; done
echo "server ready (migrations and the recount of $cases cases) in $(python3 -c "print(round($(date +%s.%N) - $started, 2))") s"
base="http://127.0.0.1:$(cat "$tmp/port")"
# 30 requests one at a time: p50 and p95 of what a user waits for.
timed() {  # LABEL USER PATH
  for _ in $(seq 30); do
    curl -s -b "$tmp/$2.jar" -o /dev/null -w '%{time_total}\n' "$base$3"
  done | sort -n | awk -v what="$1" '{t[NR] = $1 * 1000} END {printf "%s: p50 %.1f ms, p95 %.1f ms\n", what, t[int(NR * 0.5)], t[int(NR * 0.95)]}'
}
for user in leader police; do
  curl -s -c "$tmp/$user.jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"WageLink#2026\"}" "$base/api/v1/auth/login" > /dev/null
  timed "dashboard as $user" "$user" /api/v1/dashboard
done
# The case list's first page with its count, exact for every filter without a search.
for list in "leader|" "leader|state=police_investigating" "leader|state=complaint_received,investigating,screening" \
    "police|" "police|state=police_investigating,prosecution_review"; do
  user=${list%%|*} query=${list#*|}
  total=$(curl -s -b "$tmp/$user.jar" "$base/api/v1/cases?$query" | python3 -c \
    'import json, sys; p = json.load(sys.stdin); print(p["total"], "or more" if p["total_is_lower_bound"] else "exactly")')
  timed "case list as $user ?$query ($total)" "$user" "/api/v1/cases?$query"
done
# Searches (q=): rare and mid-frequency terms come from the trigram index, common and two-character
# terms are read in the list's order (CaseRepository::PlanSearch). Synthetic titles are 合成案件NNNNNNNN,
# employers 合成用人单位NNNNNNN (one per ten cases).
q() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
for search in "leader|合成案件00123456" "leader|合成用人单位0012345" "leader|合成案件00012" "leader|合成案件0001" \
    "leader|合成案件000" "leader|合成案件" "leader|案件" "police|合成案件00012" "police|合成案件"; do
  user=${search%%|*} term=${search#*|}
  query="q=$(q "$term")"
  total=$(curl -s -b "$tmp/$user.jar" "$base/api/v1/cases?$query" | python3 -c \
    'import json, sys; p = json.load(sys.stdin); print(p["total"], "or more" if p["total_is_lower_bound"] else "exactly")')
  timed "search as $user for $term ($total)" "$user" "/api/v1/cases?$query"
done
python3 - "$db" <<'PY'
import sqlite3, subprocess, sys, time
db = sys.argv[1]
money = ("SELECT COUNT(*), SUM(c.workers_count), SUM(CASE WHEN EXISTS (SELECT 1 FROM case_events n WHERE "
         "n.event = 'refer_malicious_claim' AND n.case_id = c.id) THEN 0 ELSE c.owed_fen END), SUM(c.paid_fen), "
         "SUM(CASE WHEN c.owed_fen > 0 AND c.paid_fen >= c.owed_fen THEN 1 ELSE 0 END) FROM cases c WHERE "
         "({0} = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = '{1}'))")
for who, scope in (("leader", (1, "")), ("police", (0, "police"))):
    started = time.perf_counter()
    if db.startswith("sqlite:"):
        sqlite3.connect(db[len("sqlite:"):]).execute(money.format(*scope)).fetchall()
    else:  # includes psql's start, a few ms
        subprocess.run(["psql", db, "-qAt", "-c", money.format(*scope)], check=True, capture_output=True)
    print(f"before the running totals, the case figures alone as {who}: {(time.perf_counter() - started) * 1000:.1f} ms")
PY
