#!/usr/bin/env bash
# Installs the locked npm client into the build tree (npm ci: exactly package-lock.json) and runs
# the conformance script against the simulator. usage: run.sh <work dir> <hoga-exchange-sim> <recording>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"; shift
args=()
for a in "$@"; do args+=("$(realpath "$a")"); done # the script runs from the work dir
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/conformance.mjs" "$work/"
cd "$work"
if [ ! -d node_modules/binance ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
exec node conformance.mjs "${args[@]}"
