#!/usr/bin/env bash
# Benchmark of webhook-service intake: a fresh local broker and webhook-service from their jars, on free ports, in a
# temp dir; wrk at 32 connections with signed 13 KB GitHub `issues` deliveries (unique X-GitHub-Delivery each), then
# the records on `issues` against the 2xx answers, then a fixed 1,000 req/s open-loop latency run, with a JFR
# profile of the service taken under the wrk load. Stops what it started, by pid.
#
# Usage: scripts/bench-intake.sh [seconds=30] [connections=32] [rate=1000]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench-intake.sh     # another JVM for all processes
#   WEBHOOK_JAVA_OPTS="-Xms512m -Xmx512m" BROKER_JAVA_OPTS="-Xms1g -Xmx1g"  # defaults shown
#   BENCH_WARMUP=30 WEBHOOK_JAR=/path/to/older/webhook-service.jar          # warm-up seconds; a build to compare
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;; esac
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
WEBHOOK_JAR="${WEBHOOK_JAR:-$ROOT/webhook-service/target/webhook-service.jar}"   # another build to compare with
WARMUP="${BENCH_WARMUP:-30}"   # seconds; the JIT still used a quarter of the service's CPU after 10 s
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
# CPU time a process has used so far, in ms (utime + stime of /proc/<pid>/stat): a per-delivery cost that does not
# depend on what else the machine is running, unlike req/s.
CLK_TCK="$(getconf CLK_TCK)"
cpu_ms() { awk -v hz="$CLK_TCK" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' "/proc/$1/stat"; }
# CPU ms per thread group (thread names without their numbers), to tell request work from GC and JIT.
threads_cpu() {
  for f in /proc/"$1"/task/*/stat; do cat "$f" 2>/dev/null; done \
    | awk -v hz="$CLK_TCK" '{ name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) [A-Z] .*$/, "", name);
        gsub(/[0-9]+/, "N", name); rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ");
        cpu[name] += (f[12] + f[13]) * 1000 / hz } END { for (n in cpu) printf "%s\t%d\n", n, cpu[n] }'
}
per_delivery() { awk -v ms="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.3f", ms / n; else print "n/a" }'; }

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
echo "load before start: $(uptime)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $("$JAVA" -version 2>&1 | head -1)"
echo "webhook-service jar: $WEBHOOK_JAR ($(date -r "$WEBHOOK_JAR" '+%F %T'))"
echo "work dir $WORK; broker localhost:$BROKER_PORT, webhook-service localhost:$WEBHOOK_PORT"

LOCAL_BROKER_PORT="$BROKER_PORT" LOCAL_BROKER_CONTROLLER_PORT="$CONTROLLER_PORT" LOCAL_BROKER_DATA="$WORK/kafka" \
  "$JAVA" $BROKER_JAVA_OPTS -jar "$BROKER_JAR" serve > "$WORK/broker.log" 2>&1 &
BROKER_PID=$!
PIDS+=("$BROKER_PID")
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

# JFR starts before the warm-up: starting a recording instruments JDK socket and file classes, which deoptimizes
# the service's compiled code; started inside the measured run it made the JIT a quarter of the service's CPU.
"$JCMD" "$WEBHOOK_PID" JFR.start name=bench settings=profile > "$WORK/jfr-start.txt" 2>&1 || true
echo "== warm-up: $WARMUP s at $CONNECTIONS connections"
BENCH_RUN="warm" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s scripts/bench/intake.lua "$URL" > "$WORK/wrk-warmup.txt"
grep -E "Requests/sec|Non-2xx" "$WORK/wrk-warmup.txt" || true
sleep 2
BEFORE="$(bench offsets "localhost:$BROKER_PORT" issues)"
CPU_SERVICE_0="$(cpu_ms "$WEBHOOK_PID")"; CPU_BROKER_0="$(cpu_ms "$BROKER_PID")"
threads_cpu "$WEBHOOK_PID" > "$WORK/threads-before.tsv"

echo "== throughput: ${SECONDS_LOAD} s at $CONNECTIONS connections, 2 wrk threads (JFR samples of this window)"
MAIN_FROM="$(date +%s%3N)"
BENCH_RUN="main" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_LOAD}s" --latency -s scripts/bench/intake.lua "$URL" \
  | tee "$WORK/wrk.txt"
CPU_SERVICE_1="$(cpu_ms "$WEBHOOK_PID")"; CPU_BROKER_1="$(cpu_ms "$BROKER_PID")"
threads_cpu "$WEBHOOK_PID" > "$WORK/threads-after.tsv"
MAIN_TO="$(date +%s%3N)"
"$JCMD" "$WEBHOOK_PID" JFR.dump name=bench filename="$WORK/webhook.jfr" >> "$WORK/jfr-start.txt" 2>&1 || true
"$JCMD" "$WEBHOOK_PID" JFR.stop name=bench >> "$WORK/jfr-start.txt" 2>&1 || true
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

# JFR's sampling (running since the warm-up) is included in the service figure.
echo "CPU per 2xx delivery at $CONNECTIONS connections: webhook-service $(per_delivery $((CPU_SERVICE_1 - CPU_SERVICE_0)) "$OK") ms," \
  "broker $(per_delivery $((CPU_BROKER_1 - CPU_BROKER_0)) "$OK") ms" \
  "(process CPU $((CPU_SERVICE_1 - CPU_SERVICE_0)) ms and $((CPU_BROKER_1 - CPU_BROKER_0)) ms over ${SECONDS_LOAD} s)"
echo "webhook-service CPU by thread group over the run (ms; GC and JIT threads included):"
awk -F'\t' 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; if (d > 0) printf "  %7d  %s\n", d, $1 }' \
  "$WORK/threads-before.tsv" "$WORK/threads-after.tsv" | sort -rn | head -8
JIT_MS="$(awk -F'\t' 'NR == FNR { before[$1] = $2; next } /Compiler/ { d += $2 - before[$1] } END { print d + 0 }' \
  "$WORK/threads-before.tsv" "$WORK/threads-after.tsv")"
echo "   without the JIT compiler threads (still warming up on a busy machine): webhook-service" \
  "$(per_delivery $((CPU_SERVICE_1 - CPU_SERVICE_0 - JIT_MS)) "$OK") ms per 2xx delivery"
echo "load after the run: $(uptime)"

echo "== latency: open loop at a fixed $RATE req/s for 30 s (after 5 s warm-up)"
CPU_SERVICE_0="$(cpu_ms "$WEBHOOK_PID")"
bench rate "$URL" "$RATE" 30 5 "$SECRET" "$SAMPLE" "$BODY_SIZE" | tee "$WORK/rate.txt"
CPU_SERVICE_1="$(cpu_ms "$WEBHOOK_PID")"
RATE_OK="$(awk '/open loop/{print $(NF-3)}' "$WORK/rate.txt")"
echo "CPU per delivery at $RATE req/s (warm-up included): webhook-service" \
  "$(per_delivery $((CPU_SERVICE_1 - CPU_SERVICE_0)) $((RATE_OK + RATE * 5))) ms"

echo "== profile of webhook-service under the wrk load (JFR execution samples)"
if [ -s "$WORK/webhook.jfr" ]; then
  bench jfr-top "$WORK/webhook.jfr" 25 "$MAIN_FROM" "$MAIN_TO"
else
  echo "no JFR recording: $(cat "$WORK/jfr-start.txt")"
fi
