#!/usr/bin/env bash
# First README command: install what Hoga needs, build it, and launch the desktop station on its
# embedded default: the offline demo — the bundled real BTCUSDT recording (2024-08-08) looping
# through the in-process exchange simulator, reached through the real feed and paper-traded,
# under a REPLAY · DEMO banner. Arguments go to hoga (e.g. --lang ko, --speed 5).
# Without a display (a server, CI) it runs the demo for 60 s under Xvfb and saves a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

echo
echo "== REPLAY · DEMO (recorded data through the local exchange simulator, not a live market) =="
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/src/app/hoga --demo "$@"
fi
shot="$PWD/build/release/hoga-demo.png"
echo "no display: running the demo for 60 s under Xvfb; screenshot: $shot"
exec xvfb-run -a -s "-screen 0 1600x1000x24" build/release/src/app/hoga --demo --run-for-s 60 \
  --screenshot "$shot" "$@"
