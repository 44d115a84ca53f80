# Sourced by the benchmark scripts: a fresh server with the demo district (SQLite in a temporary
# folder, or WAGELINK_BENCH_DB=postgresql://...) on a free port, stopped on exit. Needs $build.
# Sets $tmp (scratch folder, removed on exit), $db and $base (http://127.0.0.1:PORT).
tmp=$(mktemp -d)
trap 'kill $(cat $tmp/pid 2>/dev/null) 2>/dev/null || true; rm -rf $tmp' EXIT
db=${WAGELINK_BENCH_DB:-sqlite:$tmp/bench.db}
"$build/wagelink" init --demo --db "$db" --key-file "$tmp/key" >/dev/null 2>&1
printf '[log]\naccess_log = false\nlevel = "warn"\n[jobs]\nrun_scheduled = false\n' > "$tmp/bench.toml"
"$build/wagelink" serve --db "$db" --key-file "$tmp/key" --port 0 --port-file "$tmp/port" --config "$tmp/bench.toml" \
  >/dev/null 2>&1 &
echo $! > "$tmp/pid"
for _ in $(seq 200); do [[ -s $tmp/port ]] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$tmp/port")"
