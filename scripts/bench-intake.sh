#!/usr/bin/env bash
# Benchmark of webhook-service intake: a fresh local broker and webhook-service from their jars, on free ports, in a
# temp dir; wrk at 32 connections with signed 13 KB GitHub `issues` deliveries (unique X-GitHub-Delivery each), then
# the records on `issues` against the 2xx answers, then a fixed 1,000 req/s open-loop latency run, with a JFR
# profile of the service taken under the wrk load. Stops what it started, by pid.
#
#   scripts/bench-intake.sh [seconds=30] [connections=32] [rate=1000]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench-intake.sh     # another JVM for all processes
#   WEBHOOK_JAVA_OPTS="-Xms512m -Xmx512m" BROKER_JAVA_OPTS="-Xms1g -Xmx1g"  # defaults shown
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SECONDS_LOAD="${1:-30}"
CONNECTIONS="${2:-32}"
RATE="${3:-1000}"
BODY_SIZE=13312
SECRET="bench-$(date +%s)-$RANDOM"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
WEBHOOK_JAVA_OPTS="${WEBHOOK_JAVA_OPTS:--Xms512m -Xmx512m}"
BROKER_JAVA_OPTS="${BROKER_JAVA_OPTS:--Xms1g -Xmx1g}"
BROKER_JAR="$ROOT/local-broker/target/local-broker.jar"
WEBHOOK_JAR="$ROOT/webhook-service/target/webhook-service.jar"
SAMPLE="$ROOT/samples/webhooks/github-issue-opened-p0-bug.json"

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed: sudo apt-get install -y wrk   (Debian/Ubuntu; brew install wrk on macOS)" >&2
  exit 2
fi
if [ ! -f "$BROKER_JAR" ] || [ ! -f "$WEBHOOK_JAR" ]; then
  echo "building the jars ..."
  flock /tmp/breakdown-mvn.lock ./mvnw -B -q -o -pl webhook-service,local-broker -am package -DskipTests
fi

WORK="$(mktemp -d /tmp/bench-intake.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "stopped; logs, JFR recording and wrk output are in $WORK"
}
trap cleanup EXIT

# The helpers need kafka-clients for counting offsets; take it (and slf4j) from the broker jar.
mkdir -p "$WORK/lib" "$WORK/classes"
(cd "$WORK/lib" && unzip -q -j -o "$BROKER_JAR" 'BOOT-INF/lib/kafka-clients-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar')
"$JAVAC" -nowarn -d "$WORK/classes" -cp "$WORK/lib/*" scripts/bench/IntakeBench.java
bench() { "$JAVA" -cp "$WORK/classes:$WORK/lib/*" IntakeBench "$@"; }

await_port() {
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listens on $1; see $WORK" >&2
  exit 1
}

BROKER_PORT="$(bench port)"
CONTROLLER_PORT="$(bench port)"
WEBHOOK_PORT="$(bench port)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $("$JAVA" -version 2>&1 | head -1)"
echo "work dir $WORK; broker localhost:$BROKER_PORT, webhook-service localhost:$WEBHOOK_PORT"

LOCAL_BROKER_PORT="$BROKER_PORT" LOCAL_BROKER_CONTROLLER_PORT="$CONTROLLER_PORT" LOCAL_BROKER_DATA="$WORK/kafka" \
  "$JAVA" $BROKER_JAVA_OPTS -jar "$BROKER_JAR" serve > "$WORK/broker.log" 2>&1 &
PIDS+=($!)
await_port "$BROKER_PORT"

KAFKA_BOOTSTRAP_SERVERS="localhost:$BROKER_PORT" GITHUB_WEBHOOK_SECRET="$SECRET" SERVER_PORT="$WEBHOOK_PORT" \
  "$JAVA" $WEBHOOK_JAVA_OPTS -jar "$WEBHOOK_JAR" > "$WORK/webhook.log" 2>&1 &
WEBHOOK_PID=$!
PIDS=("$WEBHOOK_PID" "${PIDS[@]}")
await_port "$WEBHOOK_PORT"
for _ in $(seq 1 300); do
  if curl -fsS "http://localhost:$WEBHOOK_PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

bench prepare "$WORK/bodies.lua" 256 "$SECRET" "$SAMPLE" "$BODY_SIZE"
export BENCH_BODIES="$WORK/bodies.lua"
URL="http://localhost:$WEBHOOK_PORT/github/issues"

echo "== warm-up: 10 s at $CONNECTIONS connections"
BENCH_RUN="warm" wrk -t2 -c"$CONNECTIONS" -d10s -s scripts/bench/intake.lua "$URL" > "$WORK/wrk-warmup.txt"
grep -E "Requests/sec|Non-2xx" "$WORK/wrk-warmup.txt" || true
sleep 2
BEFORE="$(bench offsets "localhost:$BROKER_PORT" issues)"

echo "== throughput: ${SECONDS_LOAD} s at $CONNECTIONS connections, 2 wrk threads (JFR profile of 20 s inside it)"
( sleep 5; "$JCMD" "$WEBHOOK_PID" JFR.start name=bench settings=profile duration=20s \
    filename="$WORK/webhook.jfr" > "$WORK/jfr-start.txt" 2>&1 ) &
JFR_STARTER=$!
BENCH_RUN="main" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_LOAD}s" --latency -s scripts/bench/intake.lua "$URL" \
  | tee "$WORK/wrk.txt"
wait "$JFR_STARTER" || true
sleep 2
AFTER="$(bench offsets "localhost:$BROKER_PORT" issues)"
REQUESTS="$(awk '/requests in/{print $1}' "$WORK/wrk.txt")"
NON_2XX="$(awk '/Non-2xx or 3xx responses/{print $5}' "$WORK/wrk.txt")"
NON_2XX="${NON_2XX:-0}"
OK=$((REQUESTS - NON_2XX))
STORED=$((AFTER - BEFORE))
echo "answers 2xx: $OK of $REQUESTS ($((OK / SECONDS_LOAD))/s); records stored on issues meanwhile: $STORED"
if [ "$STORED" -lt "$OK" ]; then
  echo "!! fewer records than 2xx answers: a 2xx was given for a record that is not stored"
else
  echo "   every 2xx is on the topic (records - 2xx = $((STORED - OK)): answers wrk did not wait for at its stop)"
fi

echo "== latency: open loop at a fixed $RATE req/s for 30 s (after 5 s warm-up)"
bench rate "$URL" "$RATE" 30 5 "$SECRET" "$SAMPLE" "$BODY_SIZE"

echo "== profile of webhook-service under the wrk load (JFR execution samples)"
for _ in $(seq 1 30); do [ -s "$WORK/webhook.jfr" ] && break; sleep 1; done
if [ -s "$WORK/webhook.jfr" ]; then
  bench jfr-top "$WORK/webhook.jfr" 25
else
  echo "no JFR recording: $(cat "$WORK/jfr-start.txt")"
fi
