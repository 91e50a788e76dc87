#!/usr/bin/env bash
# Opens /activity in headless Chromium, publishes action/outcome pairs at a fixed rate straight to the broker, and
# prints the page's frame gaps, long-task time and the functions that took the most CPU. A benchmark, not a test.
set -euo pipefail
if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  echo "usage: scripts/bench-activity-view.sh [PAIRS=3000] [RATE_PER_S=300]  (needs chat-web running, Node.js, npm and Debian's chromium)"
  echo "  CHAT_WEB_URL (default http://localhost:3000), KAFKA_BOOTSTRAP_SERVERS (default localhost:19092)"
  exit 0
fi
cd "$(dirname "$0")/.."
work="${BENCH_NODE_DIR:-data/bench-node}"
mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ] || [ ! -d "$work/node_modules/kafkajs" ]; then
  echo "Installing playwright-core and kafkajs into $work (npm registry; no browser download)..."
  (cd "$work" && npm init -y >/dev/null && npm install --silent playwright-core@1 kafkajs@2)
fi
cp scripts/bench/activity-view-load.js "$work/"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node "$work/activity-view-load.js" "${CHAT_WEB_URL:-http://localhost:3000}/activity" \
  "${KAFKA_BOOTSTRAP_SERVERS:-localhost:19092}" "${1:-3000}" "${2:-300}"
