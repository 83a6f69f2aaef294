#!/usr/bin/env bash
# Soak test (not part of CI): hoga-headless paper-trades against hoga-exchange-sim looping the
# bundled recording at high speed for MINUTES minutes while random faults are injected through the
# simulator's /sim/faults endpoint. At the end: RSS at start and end, exit status (no crash), book
# verified, journal intact (SQLite integrity check, rows equal to what the runner reported).
#   scripts/soak.sh [--minutes 30] [--speed 20] [--build build/release] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=30 speed=20 build=build/release out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --speed) speed="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--minutes 30] [--speed 20] [--build DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
if [ ! -x "$build/src/app/hoga-headless" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target hoga-headless hoga-exchange-sim
fi
out="${out:-$(mktemp -d /tmp/hoga-soak.XXXXXX)}"
# A journal left by an earlier soak would be resumed (its balance, its position): not this test.
if [ -e "$out/soak.sqlite" ]; then
  echo "soak: $out already holds a soak journal; give an empty --out" >&2; exit 2
fi
mkdir -p "$out/recordings"
echo "soak: $minutes min at ${speed}x, output in $out"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
metric() { curl -s "$metrics" | awk -v n="$1" '$1 == n {print $2}'; }

"$build/src/app/hoga-exchange-sim" --replay resources/recordings/hftbacktest_usdm_btcusdt_20240808.gz \
  --speed "$speed" --loop --live-times >"$out/sim.json" 2>"$out/sim.log" &
sim_pid=$!
trap 'kill $sim_pid $headless_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$out/sim.json" ] && break; sleep 0.1; done
rest=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['rest'])" "$out/sim.json")
ws=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['ws'])" "$out/sim.json")

"$build/src/app/hoga-headless" --mode paper --preset demo --journal "$out/soak.sqlite" \
  --ws "$ws" --rest "$rest" --metrics-port 0 --record "$out/recordings" --stale-after-s 2 \
  --log-file "$out/headless.log" --log-level info >"$out/headless.out" 2>"$out/headless.err" &
headless_pid=$!
for _ in $(seq 100); do [ -s "$out/headless.out" ] && break; sleep 0.1; done
metrics=$(python3 -c "import json,sys;print(json.loads(open(sys.argv[1]).readline())['metrics'])" "$out/headless.out")
sleep 10
rss_start=$(rss_kb $headless_pid)
echo "minute,rss_kb,events,reconnects,gaps,resyncs,verified" >"$out/rss.csv"

faults=("ws-drop" "depth-skip=0.02" "depth-dup=0.05" "depth-reorder=0.02" "malformed=0.02"
        "stream-stall=3000" "rest-5xx=1" "rest-1003=1:2" "ws-drop")
injected=0
end=$(( $(date +%s) + minutes * 60 ))
next_sample=$(( $(date +%s) + 60 )); minute=0
while [ "$(date +%s)" -lt "$end" ]; do
  if ! kill -0 $headless_pid 2>/dev/null; then echo "soak: hoga-headless died" >&2; break; fi
  fault=${faults[$((RANDOM % ${#faults[@]}))]}
  curl -s -X POST --data "$fault" "$rest/sim/faults" >/dev/null
  injected=$((injected + 1))
  sleep $((3 + RANDOM % 5))
  curl -s -X DELETE "$rest/sim/faults" >/dev/null
  sleep $((10 + RANDOM % 20))
  if [ "$(date +%s)" -ge "$next_sample" ]; then
    minute=$((minute + 1)); next_sample=$((next_sample + 60))
    echo "$minute,$(rss_kb $headless_pid),$(metric hoga_engine_events_total),$(metric hoga_feed_reconnects_total),$(metric hoga_book_gaps_total),$(metric hoga_book_resyncs_total),$(metric hoga_book_verified)" >>"$out/rss.csv"
  fi
done

curl -s -X DELETE "$rest/sim/faults" >/dev/null
alive=1; kill -0 $headless_pid 2>/dev/null || alive=0
verified=0
# Up to 3 minutes: the last fault may be a 418 ban, whose Retry-After (2 min) the feed honours
# before it asks for the snapshot that brings the book back.
for _ in $(seq 180); do
  verified=$(metric hoga_book_verified || echo 0)
  [ "$verified" = "1" ] && break
  sleep 1
done
rss_end=$(rss_kb $headless_pid)
kill -TERM $headless_pid
code=0; wait $headless_pid || code=$?
summary=$(tail -1 "$out/headless.out")
integrity=$(sqlite3 "$out/soak.sqlite" "pragma integrity_check")
run=$(python3 -c "import json,sys;print(json.loads(open(sys.argv[1]).readline())['run'])" "$out/headless.out")
orders_db=$(sqlite3 "$out/soak.sqlite" "select count(*) from orders where run_id='$run'")
orders_reported=$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['orders'])" "$summary")
crashes=$(( alive == 0 || code != 0 ))
echo "soak: faults injected $injected; RSS start ${rss_start} kB, end ${rss_end} kB;" \
     "alive to the end $alive, exit code $code; book verified at the end $verified;" \
     "journal integrity $integrity, orders $orders_db (reported $orders_reported)"
echo "soak: final $summary"
[ "$crashes" = 0 ] && [ "$verified" = "1" ] && [ "$integrity" = "ok" ] && [ "$orders_db" = "$orders_reported" ]
