#!/usr/bin/env bash
# `make dist`: the Debian package wagelink_<version>_amd64.deb for an offline intranet machine.
# Packs the optimised build (build/wagelink, debug info stripped), the built web UI, data/, the
# systemd unit, /etc/wagelink/wagelink.toml, logrotate and the maintainer scripts. Its Depends are
# the Debian packages that hold the libraries the binary links, at least the versions built against,
# so `apt-get install ./wagelink_*.deb` needs nothing but the Debian mirror.
# Usage: scripts/make-dist.sh [OUTPUT_DIR] (default dist/); WAGELINK_DIST_VERSION overrides the version.
set -euo pipefail
cd "$(dirname "$0")/.."
out_dir=${1:-dist}
binary=build/wagelink
[[ -x $binary ]] || { echo "make-dist: $binary is missing; run 'make build' first" >&2; exit 1; }
[[ -f web/dist/index.html ]] || { echo "make-dist: web/dist is missing; run 'make build' first" >&2; exit 1; }

version=${WAGELINK_DIST_VERSION:-$(sed -n 's/^project(wagelink VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

install -D -m 0755 "$binary" "$stage/usr/bin/wagelink"
strip --strip-debug "$stage/usr/bin/wagelink"
mkdir -p "$stage/usr/share/wagelink"
cp -r data "$stage/usr/share/wagelink/data"
cp -r web/dist "$stage/usr/share/wagelink/web"
install -D -m 0644 packaging/debian/wagelink.service "$stage/lib/systemd/system/wagelink.service"
install -D -m 0640 packaging/debian/wagelink.toml "$stage/etc/wagelink/wagelink.toml"
install -D -m 0644 packaging/debian/logrotate "$stage/etc/logrotate.d/wagelink"
install -D -m 0644 README.md "$stage/usr/share/doc/wagelink/README.md"
install -D -m 0644 config/wagelink.example.toml "$stage/usr/share/doc/wagelink/wagelink.example.toml"
cp -r docs "$stage/usr/share/doc/wagelink/docs"
find "$stage/usr/share" -type d -exec chmod 0755 {} +
find "$stage/usr/share" -type f -exec chmod 0644 {} +

# The package holding each linked library (usrmerge: the path dpkg knows may lack or have /usr),
# asked of dpkg in one call: it reads its whole database each time.
mapfile -t libraries < <(ldd "$binary" | awk '/=> \// {print $3}' | sort -u)
candidates=()
for library in "${libraries[@]}"; do
  candidates+=("$library" "$(realpath "$library")" "${library#/usr}" "/usr$library")
done
declare -A owner
while IFS= read -r line; do
  owner["${line#*: }"]=${line%%:*}
done < <(dpkg -S "${candidates[@]}" 2>/dev/null | grep -v ', ')
declare -A versions
depends=()
for library in "${libraries[@]}"; do
  package=""
  for candidate in "$library" "$(realpath "$library")" "${library#/usr}" "/usr$library"; do
    package=${owner[$candidate]:-} && [[ -n $package ]] && break
  done
  [[ -n $package ]] || { echo "make-dist: no Debian package holds $library" >&2; exit 1; }
  depends+=("$package")
done
mapfile -t packages < <(printf '%s\n' "${depends[@]}" | sort -u)
depends=()
while IFS=" " read -r package package_version; do
  depends+=("$package (>= ${package_version%-*})")
done < <(dpkg-query -W -f='${Package} ${Version}\n' "${packages[@]}")
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, | sed 's/,/, /g')

mkdir -p "$stage/DEBIAN"
installed_kib=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: wagelink
Version: $version
Architecture: amd64
Maintainer: WageLink team <wagelink@localhost>
Section: misc
Priority: optional
Installed-Size: $installed_kib
Depends: $depends_line, passwd, util-linux
Suggests: postgresql-client-15
Description: wage-arrears case platform (欠薪案件行刑衔接平台)
 WageLink is where a district's labour inspection, wage-arrears office, police,
 procuratorate, court and justice bureau work wage-arrears cases together, every
 step on the legal clock. This package runs it as the systemd service wagelink
 with an embedded SQLite database in /var/lib/wagelink (or PostgreSQL).
CONTROL
printf '/etc/wagelink/wagelink.toml\n/etc/logrotate.d/wagelink\n' > "$stage/DEBIAN/conffiles"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$stage/DEBIAN/"

mkdir -p "$out_dir"
package_file="$out_dir/wagelink_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$package_file" >/dev/null
echo "$package_file"
