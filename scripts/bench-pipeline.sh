#!/usr/bin/env bash
# Pipeline benchmark (not a test): a fresh broker, agent, calendar and gateway on spare ports in a temp dir.
# 1. cold: a backlog of EVENTS issue events, drained by a gateway started afterwards (every JVM still compiling);
# 2. warm: EVENTS more published as fast as possible into the running pipeline, drained as they come;
# 3. steady: RATE events/s for SECONDS, twice (the JVMs still compile during the first round; a service that runs
#    for months is in the second's state); latency ends when the outcome is committed (a read_committed consumer).
# Each phase prints drain rate, latency percentiles, exactly-once counts and each process's CPU per event.
# Usage: scripts/bench-pipeline.sh [EVENTS=10000] [RATE=200] [SECONDS=30]
# BENCH_JFR_DIR=dir records a Java Flight Recording per service there (dir/<service>.jfr, settings=profile).
. "$(dirname "$0")/lib.sh"
EVENTS="${1:-10000}" RATE="${2:-200}" SECONDS_STEADY="${3:-30}"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
for jar in "$BENCH_JAR" "$TOOLS_JAR" $(jar_of agent-service) $(jar_of calendar-service) $(jar_of gateway-service); do
  [ -f "$jar" ] || { ./mvnw -B -q -DskipTests package; break; }
done

WORK="$(mktemp -d /tmp/breakdown-bench.XXXXXX)"
BROKER_PORT="${BENCH_BROKER_PORT:-29092}"
export KAFKA_BOOTSTRAP_SERVERS="localhost:$BROKER_PORT"
pids=() names=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "logs kept in $WORK"
}
trap cleanup EXIT

start() { # name port env... -- command
  local name="$1" port="$2" jfr=""; shift 2
  [ -z "${BENCH_JFR_DIR:-}" ] || jfr="-XX:StartFlightRecording=filename=$BENCH_JFR_DIR/$name.jfr,settings=profile,dumponexit=true"
  ( cd "$WORK" && exec env "$@" SERVER_PORT="$port" "$JAVA" $BREAKDOWN_JAVA_OPTS $jfr -jar "$(jar_of "$name")" ) \
    > "$WORK/$name.log" 2>&1 &
  pids+=($!) names+=("$name")
}
cpu_ms() { # pid: user+system CPU time so far, in ms (clock ticks of /proc/PID/stat)
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu_mark() { for i in "${!pids[@]}"; do mark[$i]=$(cpu_ms "${pids[$i]}"); done; }
cpu_report() { # events: CPU each process spent since cpu_mark, per event
  local line="" i used
  for i in "${!pids[@]}"; do
    used=$(( $(cpu_ms "${pids[$i]}") - ${mark[$i]:-0} ))
    line+="$(printf '%s %.2f  ' "${names[$i]}" "$(echo "$used / $1" | bc -l)")"
  done
  echo "CPU ms per event: $line"
}
healthy() { # port
  until curl -fsS "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done
}

( cd "$WORK" && exec env LOCAL_BROKER_PORT="$BROKER_PORT" LOCAL_BROKER_CONTROLLER_PORT=$((BROKER_PORT + 1)) \
    LOCAL_BROKER_DATA="$WORK/kafka" "$JAVA" -Xmx1g ${BENCH_JFR_DIR:+-XX:StartFlightRecording=filename=$BENCH_JFR_DIR/broker.jfr,settings=profile} \
    -jar "$TOOLS_JAR" serve ) > "$WORK/broker.log" 2>&1 &
pids+=($!) names+=(broker)
until (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; do sleep 0.5; done
tools topics > /dev/null
start agent-service 18000
start calendar-service 17300
healthy 18000; healthy 17300

echo "== cold: a backlog of $EVENTS events, drained by a gateway started afterwards"
"$JAVA" -jar "$BENCH_JAR" backlog --run-id backlog --events "$EVENTS"
cpu_mark
start gateway-service 17100 ${BENCH_GATEWAY_ENV:-} AGENTKIT_URL=http://localhost:18000/run CALENDAR_API_BASE=http://localhost:17300/api
"$JAVA" -jar "$BENCH_JAR" await --run-id backlog --events "$EVENTS"
cpu_report "$EVENTS"

echo "== warm: $EVENTS events published as fast as possible into the running pipeline"
cpu_mark
"$JAVA" -jar "$BENCH_JAR" burst --run-id warm --events "$EVENTS"
cpu_report "$EVENTS"

for round in 1 2; do
  echo "== steady $RATE events/s for $SECONDS_STEADY s, round $round"
  cpu_mark
  "$JAVA" -jar "$BENCH_JAR" steady --run-id "steady$round" --rate "$RATE" --seconds "$SECONDS_STEADY"
  cpu_report $((RATE * SECONDS_STEADY))
done
echo "calendar: $(curl -fsS ${BREAKDOWN_SERVICE_TOKEN:+-H "Authorization: Bearer $BREAKDOWN_SERVICE_TOKEN"} 'http://localhost:17300/api/meetings?limit=1000' | grep -o '"id"' | wc -l) meetings listed (capped at 1000)"
