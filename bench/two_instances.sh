#!/usr/bin/env bash
# Issue 16's scale-out ratio, in one run on one loopback cluster (scripts/with-pg-cluster.sh:
# PostgreSQL primary and synchronous standby, two instances, haproxy): the case-read throughput of
# two instances behind haproxy against that of one instance read directly. Target ≥ 0.85: on this
# 2-core machine one instance already saturates the cores, so the ratio is the cost of the proxy and
# of the coordination between instances, not a speed-up. /healthz is measured the same two ways.
# Compare the ratios, not the timings: wrk, haproxy, the instances and both PostgreSQL servers
# share the cores. 24 connections: within max_requests_per_client (32 per client address), which haproxy
# health checks from the same address also use.
# Usage: bench/two_instances.sh [BUILD_DIR]   (needs scripts/install-cluster-deps.sh and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export WAGELINK_BINARY=$PWD/$build/wagelink
export WAGELINK_BENCH_SECONDS=${WAGELINK_BENCH_SECONDS:-10}
exec scripts/with-pg-cluster.sh --instances 2 -- bash -c '
set -euo pipefail
out=$WAGELINK_CLUSTER_DIR/bench
mkdir -p "$out"
one=${WAGELINK_INSTANCE_URLS%% *}
curl -s -c "$out/jar" -H "Content-Type: application/json" -d "{\"username\":\"prosecutor\",\"password\":\"WageLink#2026\"}" \
  "$WAGELINK_CLUSTER_URL/api/v1/auth/login" >/dev/null
cookie=$(awk "\$6 ~ /wagelink_session/ {print \$6\"=\"\$7}" "$out/jar")
case_id=$(curl -s -b "$out/jar" "$WAGELINK_CLUSTER_URL/api/v1/cases?page_size=1" |
  python3 -c "import json,sys; print(json.load(sys.stdin)[\"items\"][0][\"id\"])")
run() {  # name, base URL, path
  echo "== $1: $3 — 24 keep-alive connections, 2 threads, ${WAGELINK_BENCH_SECONDS}s"
  wrk -t2 -c24 -d"${WAGELINK_BENCH_SECONDS}s" --latency -H "Cookie: $cookie" -s bench/report.lua "$2$3" |
    tee "$out/$1.txt" | grep -E "requests/s|errors|p50|p99"
}
run healthz_one "$one" /healthz
run healthz_two "$WAGELINK_CLUSTER_URL" /healthz
run case_read_one "$one" "/api/v1/cases/$case_id"
run case_read_two "$WAGELINK_CLUSTER_URL" "/api/v1/cases/$case_id"
python3 - "$out" <<PY
import re, sys
def figure(name, what):
    return float(re.search(what + r": (\d+)", open(f"{sys.argv[1]}/{name}.txt").read()).group(1))
for name in ("healthz", "case_read"):
    one, two = figure(name + "_one", "requests/s"), figure(name + "_two", "requests/s")
    errors = figure(name + "_one", "errors") + figure(name + "_two", "errors")
    note = "" if errors == 0 else " (%d errors)" % errors
    print("%s: one instance %.0f req/s, two behind haproxy %.0f req/s, ratio %.2f%s" % (name, one, two, two / one, note))
print("target for case_read: ratio >= 0.85")
PY
# What any errors were: the answers other than 200 in the access log of each instance.
for log in "$WAGELINK_CLUSTER_LOGS"/instance*.access.log; do
  python3 - "$log" <<PY
import collections, json, sys
seen = collections.Counter()
for line in open(sys.argv[1]):
    try:
        record = json.loads(line)
    except ValueError:
        continue
    if record.get("type") == "access" and record.get("status") != 200:
        seen[(record["status"], record.get("route"))] += 1
print(sys.argv[1].rsplit("/", 1)[-1], "answers other than 200:", dict(seen) or "none")
PY
done
'
