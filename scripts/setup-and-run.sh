#!/usr/bin/env bash
# First README command: install what Hoga needs, build it, and run the main job. Until the
# desktop station exists, the main job is hoga-replay over the bundled real BTCUSDT recording
# (a REPLAY of recorded Binance data, not a live market).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

recording=resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz
echo
echo "== REPLAY (recorded data, not live): $recording =="
exec build/release/src/app/hoga-replay "$recording" "$@"
