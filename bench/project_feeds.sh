#!/usr/bin/env bash
# A month of project feeds for a province-sized district (issue 17 target: 1,000 projects and
# 100,000 workers evaluated in ≤ 30 s, memory flat): registers PROJECTS projects on a fresh server,
# sends each its roster, pay sheet and special-account statement for one month (WORKERS workers per
# project; every tenth project leaves a fifth of its workers unpaid, so warnings open), then runs the
# hourly monitoring job over all of them. Prints each phase's wall time, the warnings raised and the
# server's resident memory after each phase. SQLite by default, or PostgreSQL with
# WAGELINK_BENCH_DB=postgresql://... The feeds go over CONNECTIONS (default 4) connections at once.
# Usage: bench/project_feeds.sh [BUILD_DIR] [PROJECTS] [WORKERS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
projects=${2:-1000}
workers=${3:-100}
connections=${4:-4}
source bench/fresh_server.sh
echo "== $projects projects × $workers workers, one month of feeds over $connections connections, $db"
python3 bench/project_feeds.py "$base" "$(cat "$tmp/pid")" "$projects" "$workers" "$connections"
