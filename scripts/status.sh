#!/usr/bin/env bash
# Shows what is running: each service's health from its actuator, then from Kafka the topics with their partitions
# and end offsets, the gateway group agent-gw's lag per partition and how many dead letters wait in issues-dlt.
# Usage: scripts/status.sh [--group G]   (exit 1 when a service is not UP or Kafka cannot be reached)
. "$(dirname "$0")/lib.sh"
[ -f "$TOOLS_JAR" ] || ./mvnw -B -q -DskipTests -pl local-broker -am package

problems=0
echo "Services:"
for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  health="$(curl -sS --max-time 3 "http://localhost:$port/actuator/health" 2>/dev/null || true)"
  status="$(printf '%s' "$health" | grep -o '"status":"[A-Z_]*"' | head -n 1 | cut -d'"' -f4)"
  pid=""
  if running "$name"; then pid="pid $(cat "run/$name.pid")"; fi
  printf '  %-17s %-6s http://localhost:%s %s\n' "$name" "${status:-DOWN}" "$port" "$pid"
  [ "${status:-DOWN}" = UP ] || problems=1
done
echo
tools status "$@" || problems=1
exit "$problems"
