#!/usr/bin/env bash
# End-to-end import of a 100,000-row clue-platform export (10 workers per clue number, so 10,000
# complaints) on a fresh server: upload, validation of every row, one-transaction commit. Prints
# each phase's wall time, the CPU time it cost the server and PostgreSQL (less swayed than the wall
# time by whatever else the machine runs), and the server's resident memory after it and at its
# peak. SQLite by default, or PostgreSQL with WAGELINK_BENCH_DB=postgresql://... (WAGELINK_BENCH_ANALYZE=1: see below). Usage: bench/import.sh [BUILD_DIR] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-100000}
source bench/fresh_server.sh
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"username":"handler","password":"WageLink#2026"}' \
  "$base/api/v1/auth/login" > "$tmp/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")

python3 - "$rows" > "$tmp/clues.csv" <<'PY'
import sys
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def resident_id(n):
    first = "320102198%01d%02d%02d%03d" % (n % 10, 1 + n % 12, 1 + n % 28, n % 1000)
    first = first[:17]
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, W)) % 11]
print("线索编号,投诉人姓名,公民身份号码,被投诉单位名称,主体类型,欠薪金额（元）,欠薪月数,投诉时间")
for i in range(int(sys.argv[1])):
    print(f"XS-{i // 10:06d},工人{i},{resident_id(i)},某劳务班组{i // 10},包工头,{8000 + i % 5000}.50,3,2025-12-01 09:30")
PY
rss() {  # the server's resident memory now and its peak so far, in MB
  awk '/^VmRSS/ {now = $2} /^VmHWM/ {peak = $2} END {printf "         server resident %d MB, peak so far %d MB\n", now / 1024, peak / 1024}' \
    "/proc/$(cat "$tmp/pid")/status"
}
cpu_ticks() {  # the server's CPU time and all PostgreSQL processes' (0 on SQLite), in clock ticks
  local pg=0 p
  for p in $(pgrep -x postgres || true); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14 + $15}' "/proc/$(cat "$tmp/pid")/stat") $pg"
}
phase() {  # name, curl arguments...
  local name=$1; shift
  local start=$(date +%s.%N) before after
  before=($(cpu_ticks))
  curl -s -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -o "$tmp/$name.json" -w '%{http_code}' "$@" > "$tmp/$name.code"
  after=($(cpu_ticks))
  printf '%-8s HTTP %s  %6.1f s   CPU: server %.1f s, PostgreSQL %.1f s\n' "$name" "$(cat "$tmp/$name.code")" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(echo "(${after[0]} - ${before[0]}) / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "(${after[1]} - ${before[1]}) / $(getconf CLK_TCK)" | bc -l)"
  rss
}
# WAGELINK_BENCH_ANALYZE=1 (PostgreSQL): the statistics gathered first, as autovacuum does a while
# after a new district starts; before session 31 that made every foreign-key check of the import
# read the whole cases table (about one import in three took 60-95 s).
if [[ ${WAGELINK_BENCH_ANALYZE:-0} == 1 && $db == postgresql* ]]; then psql -q "$db" -c ANALYZE; fi
echo "== import of $rows rows ($(du -h "$tmp/clues.csv" | cut -f1) CSV), $db"
phase upload -X POST -H 'Content-Type: text/csv' --data-binary "@$tmp/clues.csv" "$base/api/v1/imports?kind=complaints"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/upload.json")
mapping=$(python3 -c 'import json,sys; print(json.dumps({"mapping": json.load(open(sys.argv[1]))["mapping"]}))' "$tmp/upload.json")
phase validate -X PUT -H 'Content-Type: application/json' -d "$mapping" "$base/api/v1/imports/$id/mapping"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("         status", d["status"], "errors", d["error_count"])' "$tmp/validate.json"
phase commit -X POST "$base/api/v1/imports/$id/commit"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d.get("result", d); r.pop("case_ids", None); r.pop("case_nos", None); print("         result", r)' "$tmp/commit.json"
