#!/usr/bin/env bash
# Installs what WageLink needs from Debian 12 packages (and the web UI's npm packages), only what
# is missing, quietly when everything is present. Usage: scripts/install-deps.sh [run|test]
#   run  — what `make run` needs: compiler, libraries, Node.js
#   test — additionally PostgreSQL server, Chromium, CJK fonts, PDF tools, wrk/hyperfine, linters,
#          clang with its libFuzzer and sanitizer runtimes (scripts/fuzz.sh)
set -euo pipefail
profile=${1:-run}
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build ccache pkg-config make
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libssl-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev libminizip-dev libexpat1-dev fonts-noto-cjk
  libgtest-dev libgmock-dev libbenchmark-dev)
if [[ $profile == test ]]; then
  packages+=(postgresql-15 chromium poppler-utils unzip curl wrk hyperfine clang-format clang-tidy python3
    clang libclang-rt-14-dev)
fi
# Node.js: keep an existing installation (the web build needs Node >= 20); otherwise Debian's.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "WageLink needs these Debian packages. Run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# Web UI packages from the committed lockfile; reinstalled only when the lockfile changed.
if [[ -f web/package-lock.json ]]; then
  stamp=web/node_modules/.package-lock.stamp
  if [[ ! -f $stamp ]] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "Installing web UI packages (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
