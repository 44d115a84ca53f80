#!/usr/bin/env bash
# The Debian package, installed, started, upgraded, removed and purged in a throw-away root
# (`dpkg --root` with the maintainer scripts run outside a chroot and DPKG_ROOT set), so it runs in
# `make test` without touching this machine. What only a real machine can show (systemd starting the
# unit with its hardening, `runuser` applying migrations in postinst) is in docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }

first=$(WAGELINK_DIST_VERSION=0.1.0 scripts/make-dist.sh "$work/v1")
second=$(WAGELINK_DIST_VERSION=0.1.1 scripts/make-dist.sh "$work/v2")

echo "== the package's contents"
contents=$(dpkg-deb --contents "$first")
for path in ./usr/bin/wagelink ./usr/share/wagelink/data/time_limits.json ./usr/share/wagelink/web/index.html \
            ./lib/systemd/system/wagelink.service ./etc/wagelink/wagelink.toml ./etc/logrotate.d/wagelink; do
  grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
done
grep -q '^-rw-r----- root/root .* ./etc/wagelink/wagelink.toml$' <<<"$contents" || fail "the configuration is not 0640"
grep -q '^Depends: .*libsqlite3-0 (>= ' <(dpkg-deb --field "$first") || fail "Depends does not name libsqlite3-0"
for option in NoNewPrivileges=yes ProtectSystem=strict PrivateTmp=yes User=wagelink; do
  dpkg-deb --fsys-tarfile "$first" | tar -xO ./lib/systemd/system/wagelink.service | grep -qx "$option" ||
    fail "the unit lacks $option"
done

echo "== install into a throw-away root"
root="$work/root"
mkdir -p "$root"/var/lib/dpkg/{info,updates,triggers} "$root/etc" "$root/var/lib/wagelink-test"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
for file in passwd group shadow gshadow; do grep '^root:' "/etc/$file" > "$root/etc/$file" || true; done
cp /etc/login.defs "$root/etc/login.defs"
# The root's dpkg database is empty, so every dependency is reported missing: kept out of the output
# unless dpkg fails.
dpkg_root() {
  dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@" >"$work/dpkg.log" 2>&1 ||
    fail "dpkg $*: $(cat "$work/dpkg.log")"
}
dpkg_root -i "$first"
grep -q '^wagelink:' "$root/etc/passwd" || fail "postinst did not create the user wagelink"
uid=$(grep '^wagelink:' "$root/etc/passwd" | cut -d: -f3)
[[ $(stat -c '%a %u' "$root/var/lib/wagelink") == "700 $uid" ]] || fail "/var/lib/wagelink is not 0700 wagelink"
[[ $(stat -c '%a' "$root/etc/wagelink/wagelink.toml") == 640 ]] || fail "the configuration is not 0640 after install"

echo "== the installed binary finds its data and web UI from its own location, started from /"
state="$root/var/lib/wagelink"
common=(--db "sqlite:$state/wagelink.db" --key-file "$state/master.key" --anchor-file "$root/var/log/wagelink/a.jsonl")
(cd / && "$root/usr/bin/wagelink" calendar add-working-days 2025-12-01 5 | grep -qx 2025-12-08) ||
  fail "the installed binary does not find its calendar data"
(cd / && "$root/usr/bin/wagelink" init "${common[@]}" >"$work/init.log" 2>&1) || fail "init failed: $(cat "$work/init.log")"
key_before=$(sha256sum "$state/master.key" | cut -d' ' -f1)
start_server() {
  rm -f "$work/port"
  (cd / && exec "$root/usr/bin/wagelink" serve "${common[@]}" --port 0 --port-file "$work/port") >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 200); do [[ -s $work/port ]] && break; sleep 0.05; done
  [[ -s $work/port ]] || fail "the server did not start: $(cat "$work/server.log")"
  port=$(cat "$work/port")
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || fail "/healthz did not answer"
  curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="app">' || fail "the web UI is not served"
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""
}
start_server
echo "local change" >> "$root/etc/wagelink/wagelink.toml"

echo "== upgrade in place: data, key and the operator's configuration kept"
dpkg_root -i "$second"
[[ $(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Version}' wagelink) == 0.1.1 ]] || fail "not upgraded"
[[ $(sha256sum "$state/master.key" | cut -d' ' -f1) == "$key_before" ]] || fail "the upgrade replaced the master key"
grep -q "local change" "$root/etc/wagelink/wagelink.toml" || fail "the upgrade overwrote the operator's configuration"
(cd / && "$root/usr/bin/wagelink" migrate "${common[@]}" 2>/dev/null | grep -q "up to date") || fail "migrate after the upgrade"
(cd / && "$root/usr/bin/wagelink" audit verify "${common[@]}" >/dev/null 2>&1) || fail "the audit log does not verify after the upgrade"
start_server

echo "== remove keeps the data; purge removes the configuration, never the data"
dpkg_root -r wagelink
[[ ! -e $root/usr/bin/wagelink && -f $state/wagelink.db && -f $state/master.key ]] || fail "remove"
dpkg_root -P wagelink
[[ ! -e $root/etc/wagelink && -f $state/wagelink.db ]] || fail "purge"
echo "test-package: the package installs, serves, upgrades in place, removes and purges"
