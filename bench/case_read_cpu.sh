#!/usr/bin/env bash
# The CPU one case read costs: wrk -c64 on one demo case for 10 s (after 3 s of warm-up), with the
# CPU time of the server and of every PostgreSQL process read from /proc before and after. Less
# swayed by a busy machine than req/s alone. SQLite by default, or WAGELINK_BENCH_DB=postgresql://...
# Usage: bench/case_read_cpu.sh [BUILD_DIR] [CASE_PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
path=${2:-/api/v1/cases/8}
source bench/fresh_server.sh
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"username":"handler","password":"WageLink#2026"}' \
  "$base/api/v1/auth/login" > /dev/null
cookie=$(awk '$6 ~ /wagelink_session/ {print $6"="$7}' "$tmp/jar")
cpu_ticks() {  # the server's and all PostgreSQL processes' CPU time, in clock ticks
  local pg=0 p
  for p in $(pgrep -x postgres || true); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14 + $15}' "/proc/$(cat "$tmp/pid")/stat") $pg"
}
wrk -t2 -c64 -d3s -H "Cookie: $cookie" "$base$path" > /dev/null
before=($(cpu_ticks))
rate=$(wrk -t2 -c64 -d10s -H "Cookie: $cookie" "$base$path" | awk '/^Requests\/sec/ {print $2}')
after=($(cpu_ticks))
python3 - "$rate" "${before[@]}" "${after[@]}" "$(getconf CLK_TCK)" "$db" <<'PY'
import sys
rate, s0, p0, s1, p1, tck = float(sys.argv[1]), *map(int, sys.argv[2:6]), int(sys.argv[6])
n = rate * 10
label = "PostgreSQL" if sys.argv[7].startswith("postgres") else "SQLite"
print(f"{label}: {rate:.0f} req/s; CPU per read: server {(s1 - s0) / tck / n * 1e6:.0f} us, "
      f"PostgreSQL {(p1 - p0) / tck / n * 1e6:.0f} us")
PY
