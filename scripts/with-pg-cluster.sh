#!/usr/bin/env bash
# Stands up the scale-out topology of issue 16 on loopback, runs a command against it, and tears
# it all down (also when the command fails or is interrupted):
#   - a PostgreSQL 15 primary and a hot standby streaming from it with synchronous replication
#     (deploy/postgresql/primary.conf and standby.conf, as an operator would install them);
#   - `wagelink init --demo` on the primary (the demo district's accounts, password WageLink#2026);
#   - N `wagelink serve` instances on it, sharing one master key and one anchor file, their
#     database URL naming both PostgreSQL servers (libpq multi-host, target_session_attrs=read-write)
#     so that they follow a promoted standby without a restart;
#   - haproxy in front (deploy/haproxy/wagelink.cfg).
# Every port is chosen free at run time. Usage:
#   scripts/with-pg-cluster.sh [--instances N] [--keep] -- COMMAND [ARGS...]
# --keep leaves the folder (logs, data) in place after the run. On failure the logs are kept and
# their folder printed. The command gets these environment variables:
#   WAGELINK_CLUSTER_URL        http://127.0.0.1:PORT of haproxy
#   WAGELINK_INSTANCE_URLS      the instances' own URLs, space-separated (instance 1 first)
#   WAGELINK_INSTANCE_PIDS      their process ids, same order
#   WAGELINK_INSTANCE_CONFIGS   their TOML files, same order
#   WAGELINK_DB_URL             the URL the instances use (both PostgreSQL servers)
#   WAGELINK_STANDBY_URL        their [database] standby_url (the standby first, prefer-standby)
#   WAGELINK_PRIMARY_PORT, WAGELINK_STANDBY_PORT, WAGELINK_PRIMARY_PGDATA, WAGELINK_STANDBY_PGDATA
#   WAGELINK_PG_BIN             /usr/lib/postgresql/15/bin
#   WAGELINK_PG_AS              the prefix that runs a PostgreSQL tool as its owner ("runuser -u postgres --" as root)
#   WAGELINK_PG_SOCKET_DIR      the servers' Unix socket folder
#   WAGELINK_HAPROXY_PID, WAGELINK_HAPROXY_CFG
#   WAGELINK_METRICS_TOKEN_FILE the bearer token of GET /metrics on every instance
#   WAGELINK_BINARY             the server binary
#   WAGELINK_CLUSTER_DIR, WAGELINK_CLUSTER_LOGS  the run's folder and its logs
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
instances=2
keep=0
while (($#)); do
  case $1 in
    --instances) instances=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --) shift; break ;;
    *) echo "usage: $0 [--instances N] [--keep] -- COMMAND..." >&2; exit 2 ;;
  esac
done
(($#)) || { echo "usage: $0 [--instances N] [--keep] -- COMMAND..." >&2; exit 2; }
[[ $instances =~ ^[1-9]$ ]] || { echo "--instances must be 1..9" >&2; exit 2; }

bin=/usr/lib/postgresql/15/bin
wagelink=${WAGELINK_BINARY:-$root/build/wagelink}
[[ -x $bin/initdb ]] || { echo "PostgreSQL 15 server is not installed (scripts/install-cluster-deps.sh)" >&2; exit 1; }
command -v haproxy >/dev/null || { echo "haproxy is not installed (scripts/install-cluster-deps.sh)" >&2; exit 1; }
[[ -x $wagelink ]] || { echo "no server binary at $wagelink (make build)" >&2; exit 1; }

dir=$(mktemp -d -t wagelink-cluster.XXXXXX)
chmod 0755 "$dir"
logs=$dir/logs
mkdir -p "$logs" "$dir/pg" "$dir/keys" "$dir/anchors"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir/pg"
  chmod 0777 "$logs"
  as_pg=(runuser -u postgres --)
fi
primary=$dir/pg/primary
standby=$dir/pg/standby

# N+3 distinct free ports, all held open while they are chosen.
read -r -a ports <<<"$(python3 - "$((instances + 3))" <<'PY'
import socket, sys
held = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
PY
)"
primary_port=${ports[0]}
standby_port=${ports[1]}
haproxy_port=${ports[2]}
instance_ports=("${ports[@]:3}")

pids=()
haproxy_pid=
status=0
cleanup() {
  local rc=$?
  ((status == 0)) && status=$rc
  trap - EXIT INT TERM
  [[ -n $haproxy_pid ]] && kill "$haproxy_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # Tests may have started more instances or proxies; they record their pids here.
  if [[ -f $dir/extra.pids ]]; then
    while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done <"$dir/extra.pids"
  fi
  for data in "$standby" "$primary"; do
    [[ -f $data/postmaster.pid ]] && "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  done
  if ((keep)); then
    echo "cluster folder kept: $dir"
  elif ((status != 0)); then
    local kept
    kept=$(mktemp -d -t wagelink-cluster-logs.XXXXXX)
    cp -r "$logs"/. "$kept"/ 2>/dev/null || true
    cp "$primary/log/"* "$kept"/ 2>/dev/null || true
    echo "FAILED (exit $status); logs kept in $kept" >&2
    rm -rf "$dir"
  else
    rm -rf "$dir"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'status=130; exit 130' INT TERM

fail() { echo "with-pg-cluster: $*" >&2; status=1; exit 1; }

# --- PostgreSQL primary ------------------------------------------------------------------------
"${as_pg[@]}" "$bin/initdb" -D "$primary" -U wagelink -A trust -E UTF8 --locale=C.UTF-8 >"$logs/initdb.log" 2>&1 \
  || fail "initdb failed (see $logs/initdb.log)"
cp "$root/deploy/postgresql/primary.conf" "$primary/wagelink-primary.conf"
cat "$root/deploy/postgresql/pg_hba-replication.conf" >>"$primary/pg_hba.conf"
# Loopback only, its own socket folder; the rest is the deploy fragment.
cat >>"$primary/postgresql.conf" <<EOF
include 'wagelink-primary.conf'
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$dir/pg'
max_connections = 200
log_destination = 'stderr'
logging_collector = off
EOF
[[ $(id -u) -eq 0 ]] && chown postgres "$primary/wagelink-primary.conf" "$primary/pg_hba.conf"
"${as_pg[@]}" "$bin/pg_ctl" -D "$primary" -l "$logs/postgres-primary.log" -w -t 60 start >/dev/null \
  || fail "the primary did not start (see $logs/postgres-primary.log)"
psql_primary() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$primary_port" -U wagelink -d postgres "$@"; }
# The primary waits for its synchronous standby on every commit: these run before it exists.
PGOPTIONS="-c synchronous_commit=local" psql_primary -c "CREATE ROLE replicator WITH REPLICATION LOGIN" -c "CREATE DATABASE wagelink OWNER wagelink" >/dev/null

# --- hot standby: a base backup with its replication slot, then streaming --------------------
"${as_pg[@]}" "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U replicator -D "$standby" \
  -X stream -C -S standby1 -c fast >"$logs/basebackup.log" 2>&1 || fail "pg_basebackup failed (see $logs/basebackup.log)"
cp "$root/deploy/postgresql/standby.conf" "$standby/wagelink-standby.conf"
cat >>"$standby/postgresql.conf" <<EOF
include 'wagelink-standby.conf'
port = $standby_port
primary_conninfo = 'host=127.0.0.1 port=$primary_port user=replicator application_name=standby1'
EOF
touch "$standby/standby.signal"
[[ $(id -u) -eq 0 ]] && chown postgres "$standby/wagelink-standby.conf" "$standby/postgresql.conf" "$standby/standby.signal"
"${as_pg[@]}" "$bin/pg_ctl" -D "$standby" -l "$logs/postgres-standby.log" -w -t 60 start >/dev/null \
  || fail "the standby did not start (see $logs/postgres-standby.log)"
for _ in $(seq 100); do
  state=$(psql_primary -Atc "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'" 2>/dev/null || true)
  [[ $state == sync ]] && break
  sleep 0.2
done
[[ $state == sync ]] || fail "the standby is not a synchronous replica (state '$state')"

# --- WageLink: one database, one key, one anchor file --------------------------------------------
db_url="postgresql://wagelink@127.0.0.1:$primary_port,127.0.0.1:$standby_port/wagelink?target_session_attrs=read-write&connect_timeout=3"
# Lag-tolerant reads on the standby (docs/operations.md "Reads on the standby"); either server, the
# standby first, so the reads follow a promotion too.
standby_url="postgresql://wagelink@127.0.0.1:$standby_port,127.0.0.1:$primary_port/wagelink?target_session_attrs=prefer-standby&connect_timeout=3"
key_file=$dir/keys/master.key
anchor_file=$dir/anchors/wagelink-audit.jsonl
head -c 48 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/keys/metrics.token"
chmod 0600 "$dir/keys/metrics.token"
"$wagelink" init --demo --db "$db_url" --key-file "$key_file" --anchor-file "$anchor_file" >"$logs/init.log" 2>&1 \
  || fail "wagelink init --demo failed (see $logs/init.log)"

urls=()
configs=()
for i in $(seq "$instances"); do
  port=${instance_ports[$((i - 1))]}
  mkdir -p "$dir/instance$i/spool"
  config=$dir/instance$i.toml
  cat >"$config" <<EOF
# Instance $i of the loopback cluster (scripts/with-pg-cluster.sh); see deploy/systemd/wagelink@.service.
[server]
address = "127.0.0.1"
port = $port
worker_threads = 8
trusted_proxies = ["127.0.0.1"]

[database]
url = "$db_url"
standby_url = "$standby_url"

[security]
key_file = "$key_file"

[audit]
anchor_file = "$anchor_file"
anchor_interval_s = 5

[evidence]
store = "database"
spool_dir = "$dir/instance$i/spool"

[monitoring]
metrics_token_file = "$dir/keys/metrics.token"

[jobs]
run_scheduled = true
EOF
  (cd "$dir/instance$i" && exec "$wagelink" serve --config "$config") >"$logs/instance$i.access.log" 2>"$logs/instance$i.log" &
  pids+=($!)
  disown $!  # a test kills it with -9: no "Killed" notice from this shell
  urls+=("http://127.0.0.1:$port")
  configs+=("$config")
done

wait_ready() {  # URL PID
  for _ in $(seq 300); do
    curl -fsS -m 2 -o /dev/null "$1/readyz" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
for i in "${!urls[@]}"; do
  wait_ready "${urls[$i]}" "${pids[$i]}" || fail "instance $((i + 1)) is not ready (see $logs/instance$((i + 1)).log)"
done

# --- haproxy: the deploy configuration, loopback ports, these instances ------------------------
haproxy_cfg=$dir/haproxy.cfg
{
  grep -v '# deploy-only' "$root/deploy/haproxy/wagelink.cfg" | grep -v '^\s*server ' \
    | sed -e "s/^\(\s*\)bind :8080/\1bind 127.0.0.1:$haproxy_port/"
  for i in "${!urls[@]}"; do
    echo "    server wl$((i + 1)) 127.0.0.1:${instance_ports[$i]} check"
  done
} >"$haproxy_cfg"
haproxy -c -q -f "$haproxy_cfg" || fail "haproxy refuses $haproxy_cfg"
haproxy -db -f "$haproxy_cfg" >"$logs/haproxy.log" 2>&1 &
haproxy_pid=$!
disown $!
for _ in $(seq 100); do
  # Ready when every instance passed its check and answers through the proxy.
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$haproxy_port/readyz" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$haproxy_port/readyz" || fail "haproxy does not answer (see $logs/haproxy.log)"
sleep 2  # the first checks (inter 2 s) have passed: every server up

export WAGELINK_CLUSTER_URL="http://127.0.0.1:$haproxy_port"
export WAGELINK_INSTANCE_URLS="${urls[*]}"
export WAGELINK_INSTANCE_PIDS="${pids[*]}"
export WAGELINK_INSTANCE_CONFIGS="${configs[*]}"
export WAGELINK_DB_URL="$db_url" WAGELINK_STANDBY_URL="$standby_url"
export WAGELINK_PRIMARY_PORT=$primary_port WAGELINK_STANDBY_PORT=$standby_port
export WAGELINK_PRIMARY_PGDATA=$primary WAGELINK_STANDBY_PGDATA=$standby
export WAGELINK_PG_BIN=$bin WAGELINK_PG_AS="${as_pg[*]}" WAGELINK_PG_SOCKET_DIR=$dir/pg
export WAGELINK_HAPROXY_PID=$haproxy_pid WAGELINK_HAPROXY_CFG=$haproxy_cfg
export WAGELINK_METRICS_TOKEN_FILE=$dir/keys/metrics.token
export WAGELINK_BINARY=$wagelink
export WAGELINK_CLUSTER_DIR=$dir WAGELINK_CLUSTER_LOGS=$logs
echo "WageLink cluster: haproxy $WAGELINK_CLUSTER_URL, instances $WAGELINK_INSTANCE_URLS," \
  "PostgreSQL primary :$primary_port, synchronous standby :$standby_port, logs $logs"

"$@" || status=$?
exit $status
