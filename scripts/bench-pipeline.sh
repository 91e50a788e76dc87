#!/usr/bin/env bash
# Pipeline benchmark (not a test): a fresh broker, agent, calendar and gateway on spare ports in a temp dir;
# drains a backlog of EVENTS issue events, then sends RATE events/s for SECONDS and prints latency percentiles.
#   scripts/bench-pipeline.sh [EVENTS=10000] [RATE=200] [SECONDS=30]
. "$(dirname "$0")/lib.sh"
EVENTS="${1:-10000}" RATE="${2:-200}" SECONDS_STEADY="${3:-30}"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
for jar in "$BENCH_JAR" "$TOOLS_JAR" $(jar_of agent-service) $(jar_of calendar-service) $(jar_of gateway-service); do
  [ -f "$jar" ] || { ./mvnw -B -q -DskipTests package; break; }
done

WORK="$(mktemp -d /tmp/breakdown-bench.XXXXXX)"
BROKER_PORT="${BENCH_BROKER_PORT:-29092}"
export KAFKA_BOOTSTRAP_SERVERS="localhost:$BROKER_PORT"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "logs kept in $WORK"
}
trap cleanup EXIT

start() { # name port env... -- command
  local name="$1" port="$2"; shift 2
  ( cd "$WORK" && exec env "$@" SERVER_PORT="$port" "$JAVA" $BREAKDOWN_JAVA_OPTS -jar "$(jar_of "$name")" ) \
    > "$WORK/$name.log" 2>&1 &
  pids+=($!)
}
healthy() { # port
  until curl -fsS "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done
}

( cd "$WORK" && exec env LOCAL_BROKER_PORT="$BROKER_PORT" LOCAL_BROKER_CONTROLLER_PORT=$((BROKER_PORT + 1)) \
    LOCAL_BROKER_DATA="$WORK/kafka" "$JAVA" -Xmx1g -jar "$TOOLS_JAR" serve ) > "$WORK/broker.log" 2>&1 &
pids+=($!)
until (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; do sleep 0.5; done
tools topics > /dev/null
start agent-service 18000
start calendar-service 17300
healthy 18000; healthy 17300

echo "== backlog of $EVENTS events, drained by a gateway started afterwards"
"$JAVA" -jar "$BENCH_JAR" backlog --run-id backlog --events "$EVENTS"
start gateway-service 17100 AGENTKIT_URL=http://localhost:18000/run CALENDAR_API_BASE=http://localhost:17300/api
"$JAVA" -jar "$BENCH_JAR" await --run-id backlog --events "$EVENTS"

echo "== steady $RATE events/s for $SECONDS_STEADY s"
"$JAVA" -jar "$BENCH_JAR" steady --run-id "steady" --rate "$RATE" --seconds "$SECONDS_STEADY"
echo "calendar: $(curl -fsS 'http://localhost:17300/api/meetings?limit=1000' | grep -o '"id"' | wc -l) meetings listed (capped at 1000)"
