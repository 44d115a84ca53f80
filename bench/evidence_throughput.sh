#!/usr/bin/env bash
# Upload and download of one large evidence file (a 200 MB "video" by default) on a fresh demo
# server, with the server's resident memory sampled every 100 ms: it must stay flat, because the
# upload is spooled and streamed to storage and the download streamed from it (docs/evidence.md).
# SQLite and the disk store by default; WAGELINK_BENCH_DB=postgresql://... and
# WAGELINK_EVIDENCE_STORE=database for the database store.
# Usage: bench/evidence_throughput.sh [BUILD_DIR] [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
megabytes=${2:-200}
tmp=$(mktemp -d)
trap 'kill $(cat $tmp/pid 2>/dev/null) 2>/dev/null || true; kill $sampler 2>/dev/null || true; rm -rf $tmp' EXIT
sampler=
db=${WAGELINK_BENCH_DB:-sqlite:$tmp/bench.db}
"$build/wagelink" init --demo --db "$db" --key-file "$tmp/key" >/dev/null 2>&1
printf '[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n[evidence]\nstore = "%s"\ndir = "%s"\nspool_dir = "%s"\n' \
  "${WAGELINK_EVIDENCE_STORE:-disk}" "$tmp/evidence" "$tmp/spool" > "$tmp/bench.toml"
"$build/wagelink" serve --db "$db" --key-file "$tmp/key" --port 0 --port-file "$tmp/port" --config "$tmp/bench.toml" \
  >"$tmp/server.log" 2>&1 &
echo $! > "$tmp/pid"
for _ in $(seq 200); do [[ -s $tmp/port ]] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$tmp/port")"
pid=$(cat "$tmp/pid")

curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"username":"handler","password":"WageLink#2026"}' \
  "$base/api/v1/auth/login" > "$tmp/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")
case_id=$(curl -s -b "$tmp/jar" "$base/api/v1/cases?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# An MP4 header (the server reads the type from it) and random bytes, so nothing compresses.
{ printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'; head -c $((megabytes * 1024 * 1024)) /dev/urandom; } > "$tmp/video.mp4"
size=$(stat -c %s "$tmp/video.mp4")

rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
sample() {  # phase name → the RSS samples (KiB) while it runs
  while :; do echo "$1 $(rss)"; sleep 0.1; done >> "$tmp/rss"
}
phase() {  # name, curl arguments...
  local name=$1; shift
  sample "$name" & sampler=$!
  local start=$(date +%s.%N)
  curl -s -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -o "$tmp/$name.out" -w '%{http_code}' "$@" > "$tmp/$name.code"
  local seconds=$(echo "$(date +%s.%N) - $start" | bc)
  kill $sampler; wait $sampler 2>/dev/null || true; sampler=
  printf '%-9s HTTP %s  %6.2f s  %7.1f MB/s  server RSS max %6.1f MB\n' "$name" "$(cat "$tmp/$name.code")" "$seconds" \
    "$(echo "$size / 1048576 / $seconds" | bc -l)" "$(awk -v p="$name" '$1 == p {if ($2 > m) m = $2} END {print m / 1024}' "$tmp/rss")"
}
echo "== evidence file of $((size / 1048576)) MB, $db, store ${WAGELINK_EVIDENCE_STORE:-disk}"
printf 'idle      server RSS %6.1f MB\n' "$(echo "$(rss) / 1024" | bc -l)"
phase upload -X POST -F kind=posting_media -F "file=@$tmp/video.mp4;type=video/mp4" "$base/api/v1/cases/$case_id/evidence"
file_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/upload.out")
phase download "$base/api/v1/cases/$case_id/evidence/$file_id/content"
if cmp -s "$tmp/video.mp4" "$tmp/download.out"; then echo "download   identical to the upload"; else echo "download   DIFFERS"; exit 1; fi
grep VmHWM "/proc/$pid/status"
