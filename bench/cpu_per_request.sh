#!/usr/bin/env bash
# Server CPU time per request (user + system, from /proc/PID/stat) for /healthz, one case read and
# the case list: a figure that holds on a busy machine, where requests/s and latency do not (wrk,
# the server and anything else running share the cores). Same fresh server as run.sh.
# Usage: bench/cpu_per_request.sh [BUILD_DIR]   (WAGELINK_BENCH_DB=postgresql://... for PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${WAGELINK_BENCH_SECONDS:-5}
tmp=$(mktemp -d)
trap 'kill $(cat $tmp/pid 2>/dev/null) 2>/dev/null || true; rm -rf $tmp' EXIT
db=${WAGELINK_BENCH_DB:-sqlite:$tmp/bench.db}
"$build/wagelink" init --demo --db "$db" --key-file "$tmp/key" >/dev/null 2>&1
printf '[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n' > "$tmp/bench.toml"
"$build/wagelink" serve --db "$db" --key-file "$tmp/key" --port 0 --port-file "$tmp/port" --config "$tmp/bench.toml" \
  >/dev/null 2>&1 &
pid=$!
echo $pid > "$tmp/pid"
for _ in $(seq 200); do [[ -s $tmp/port ]] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$tmp/port")"
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"username":"prosecutor","password":"WageLink#2026"}' \
  "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 ~ /wagelink_session/ {print $6"="$7}' "$tmp/jar")
case_id=$(curl -s -b "$tmp/jar" "$base/api/v1/cases?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
declare -A micros
for name in healthz case_read case_list; do
  case $name in
    healthz) path=/healthz ;;
    case_read) path=/api/v1/cases/$case_id ;;
    case_list) path="/api/v1/cases?page_size=20" ;;
  esac
  before=$(cpu_ticks)
  requests=$(wrk -t1 -c16 -d"${seconds}s" -H "Cookie: $cookie" "$base$path" | awk '/requests in/ {print $1}')
  after=$(cpu_ticks)
  micros[$name]=$(( (after - before) * 1000000 / ticks_per_second / requests ))
  echo "$name: $requests requests, ${micros[$name]} us server CPU per request"
done
echo "CPU ratio healthz/case_read = $(python3 -c "print(round(${micros[healthz]} / ${micros[case_read]}, 2))")"
