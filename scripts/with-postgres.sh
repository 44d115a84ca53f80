#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster on loopback: a temp directory, a free
# port, trust auth for the local test user only. Exports WAGELINK_TEST_PG_URL for the command and
# removes the cluster afterwards, also when the command fails or is interrupted.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
[[ -x $bin/initdb ]] || { echo "PostgreSQL 15 server is not installed (scripts/install-deps.sh test)" >&2; exit 1; }

dir=$(mktemp -d -t wagelink-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U wagelink -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

export WAGELINK_TEST_PG_URL="postgresql://wagelink@127.0.0.1:$port/postgres"
echo "PostgreSQL test cluster on 127.0.0.1:$port"
status=0
"$@" || status=$?
exit $status
