#!/usr/bin/env bash
# Installs what the cluster scripts and fault tests need (scripts/with-pg-cluster.sh,
# tests/cluster, `make cluster-test`), only what is missing, from Debian 12 packages:
#   haproxy                          the load balancer in front of the instances
#   postgresql-15, postgresql-client-15  primary and hot standby (also in install-deps.sh test)
#   curl, python3                    readiness checks and free-port choice in the script
# Node.js (>= 18) runs the tests; an existing installation is kept (install-deps.sh brings one).
# As root it runs apt-get; otherwise it prints the exact command and exits 1.
# Patroni and etcd (deploy/patroni) are the production option and are not needed here.
set -euo pipefail
packages=(haproxy postgresql-15 postgresql-client-15 curl python3)
command -v node >/dev/null 2>&1 || packages+=(nodejs)

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
    echo "The cluster tests need these Debian packages. Run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 18)) || { echo "Node.js >= 18 is needed for tests/cluster (found $(node --version))" >&2; exit 1; }
