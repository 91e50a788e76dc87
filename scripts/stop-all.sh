#!/usr/bin/env bash
# Stops exactly what start-all.sh started, by the pids it recorded; the broker last.
# Usage: scripts/stop-all.sh
. "$(dirname "$0")/lib.sh"

stop() {
  local name="$1" pidfile="run/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if running "$name"; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (pid $pid) did not stop in 30 s; killing it"
      kill -9 "$pid"
    fi
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

for (( i=${#SERVICES[@]}-1; i>=0; i-- )); do
  stop "${SERVICES[$i]%%:*}"
done
stop local-broker
