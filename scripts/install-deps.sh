#!/usr/bin/env bash
# Installs every Debian 12 package Hoga needs to build, test and run. Idempotent: apt-get only
# installs what is missing. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build file dpkg-dev pkg-config
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-websockets-dev qt6-charts-dev
  qt6-httpserver-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
  libspdlog-dev libsimdjson-dev libssl-dev zlib1g-dev libdeflate-dev libsqlite3-dev libbenchmark-dev
  sqlite3 xvfb xauth fonts-dejavu-core fonts-nanum dbus gnome-keyring
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# The simulator's conformance test drives it with a third-party npm client: Node.js and npm from
# Debian unless the machine already has them (it may carry a newer Node of its own).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
