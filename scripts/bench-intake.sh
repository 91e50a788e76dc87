#!/usr/bin/env bash
# Benchmark of webhook-service intake against its peer, Probot 14 with a no-op `issues` handler: a fresh local broker,
# webhook-service (from its jar) and Probot (`probot run`, scripts/bench/probot/) on free ports, in a temp dir; wrk
# at 32 connections with the same signed 13 KB GitHub `issues` deliveries (unique X-GitHub-Delivery each) and the
# same secret to both, the same warm-up each, then measured rounds alternating A (webhook-service) and B (Probot) so
# a change of machine load hits both; req/s, latency percentiles and CPU ms per request of each, and the ratio. Then
# the records on `issues` against webhook-service's 2xx answers, a fixed 1,000 req/s open-loop latency run against
# each, and a JFR profile of webhook-service taken under the wrk load. Stops what it started, by pid.
#
# Usage: scripts/bench-intake.sh [seconds=30] [connections=32] [rate=1000]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench-intake.sh     # another JVM for all processes
#   WEBHOOK_JAVA_OPTS="-Xms512m -Xmx512m" BROKER_JAVA_OPTS="-Xms1g -Xmx1g"  # defaults shown
#   BENCH_WARMUP=60 WEBHOOK_JAR=/path/to/older/webhook-service.jar          # warm-up seconds; a build to compare
#   BENCH_ROUNDS=2 BENCH_PEER=probot                                        # A B rounds; BENCH_PEER=none: no peer
# Probot (needs Node.js 20.18+ and npm) is installed once into data/bench-probot/ (npm install of the version
# pinned in scripts/bench/probot/package.json); it gets a throwaway RSA key and app id (it makes no GitHub call).
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
WARMUP="${BENCH_WARMUP:-60}"   # seconds each; on a busy machine the JIT still compiled much of the first 30 s
SAMPLE="$ROOT/samples/webhooks/github-issue-opened-p0-bug.json"
ROUNDS="${BENCH_ROUNDS:-2}"
PEER="${BENCH_PEER:-probot}"
PROBOT_SRC="$ROOT/scripts/bench/probot"
PROBOT_DIR="$ROOT/data/bench-probot"   # node_modules live here, outside git

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed: sudo apt-get install -y wrk   (Debian/Ubuntu; brew install wrk on macOS)" >&2
  exit 2
fi
case "$PEER" in
  probot)
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
      echo "the peer, Probot, needs Node.js 20.18+ and npm (sudo apt-get install -y nodejs npm); or BENCH_PEER=none" >&2
      exit 2
    fi ;;
  none) ;;
  *) echo "BENCH_PEER is probot or none, not $PEER" >&2; exit 2 ;;
esac
if [ ! -f "$BROKER_JAR" ] || [ ! -f "$WEBHOOK_JAR" ]; then
  echo "building the jars ..."
  flock /tmp/breakdown-mvn.lock ./mvnw -B -q -o -pl webhook-service,local-broker -am package -DskipTests
fi
if [ "$PEER" = probot ]; then
  PROBOT_VERSION="$(sed -n 's/.*"probot": *"\([^"]*\)".*/\1/p' "$PROBOT_SRC/package.json")"
  mkdir -p "$PROBOT_DIR"
  cp "$PROBOT_SRC/package.json" "$PROBOT_SRC/app.js" "$PROBOT_DIR/"
  installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PROBOT_DIR/node_modules/probot/package.json" 2>/dev/null | head -n 1 || true)"
  if [ "$installed" != "$PROBOT_VERSION" ]; then
    echo "installing probot@$PROBOT_VERSION into $PROBOT_DIR (npm install) ..."
    (cd "$PROBOT_DIR" && npm install --no-audit --no-fund --omit=dev --loglevel=error >/dev/null)
  fi
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
load1() { cut -d' ' -f1 /proc/loadavg; }

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
PROBOT_PORT="$(bench port)"
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

if [ "$PEER" = probot ]; then
  # Probot wants an app id and a private key even when no handler calls GitHub: a throwaway key, made here.
  openssl genrsa -out "$WORK/probot-key.pem" 2048 2>/dev/null
  # Production settings (JSON logs) at level warn: no log line per delivery, as webhook-service logs none either.
  (cd "$PROBOT_DIR" && APP_ID=1 PRIVATE_KEY_PATH="$WORK/probot-key.pem" WEBHOOK_SECRET="$SECRET" \
    HOST=127.0.0.1 PORT="$PROBOT_PORT" NODE_ENV=production LOG_FORMAT=json LOG_LEVEL=warn \
    exec node node_modules/probot/bin/probot.js run ./app.js) > "$WORK/probot.log" 2>&1 &
  PROBOT_PID=$!
  PIDS=("$PROBOT_PID" "${PIDS[@]}")
  echo "peer: Probot $PROBOT_VERSION ($(node --version)) at localhost:$PROBOT_PORT/api/github/webhooks, no-op issues handler"
  await_port "$PROBOT_PORT"
fi
await_port "$WEBHOOK_PORT"
for _ in $(seq 1 300); do
  if curl -fsS "http://localhost:$WEBHOOK_PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

bench prepare "$WORK/bodies.lua" 256 "$SECRET" "$SAMPLE" "$BODY_SIZE"
export BENCH_BODIES="$WORK/bodies.lua"
URL="http://localhost:$WEBHOOK_PORT/github/issues"
PROBOT_URL="http://localhost:$PROBOT_PORT/api/github/webhooks"

# One wrk run: label (A or B plus the round), pid whose CPU is counted, url, path, seconds. Writes $WORK/wrk-<label>.txt
# and one line of $WORK/rounds.tsv: label, requests, non-2xx, req/s, p50, p90, p99, max (ms), CPU ms, load average.
wrk_run() {
  local label="$1" pid="$2" url="$3" path="$4" secs="$5" cpu0 cpu1 load
  load="$(load1)"
  cpu0="$(cpu_ms "$pid")"
  BENCH_RUN="$label-$(date +%s)" BENCH_PATH="$path" wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --latency \
    -s scripts/bench/intake.lua "$url" > "$WORK/wrk-$label.txt"
  cpu1="$(cpu_ms "$pid")"
  awk -v label="$label" -v cpu="$((cpu1 - cpu0))" -v la="$load" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000;
                     if (v ~ /s$/) return v * 1000; return v }
    /^ +Latency / && !max { max = ms($4) }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 } /Non-2xx or 3xx responses/ { bad = $5 } /Requests\/sec/ { rps = $2 }
    END { printf "%s\t%d\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%s\n", label, n, bad, rps, p50, p90, p99, max, cpu, la }
  ' "$WORK/wrk-$label.txt" >> "$WORK/rounds.tsv"
  awk -F'\t' -v who="$6" 'END { printf "  %-4s %-16s %6s req/s  p50 %6s ms  p99 %7s ms  non-2xx %s  CPU %.3f ms/request  (load %s)\n",
    $1, who, $4, $5, $7, $3, ($2 - $3 > 0 ? $9 / ($2 - $3) : 0), $10 }' "$WORK/rounds.tsv"
}

# JFR starts before the warm-up: starting a recording instruments JDK socket and file classes, which deoptimizes
# the service's compiled code; started inside the measured run it made the JIT a quarter of the service's CPU.
"$JCMD" "$WEBHOOK_PID" JFR.start name=bench settings=profile > "$WORK/jfr-start.txt" 2>&1 || true
: > "$WORK/rounds.tsv"
echo "== warm-up: $WARMUP s at $CONNECTIONS connections each (not counted)"
wrk_run warmA "$WEBHOOK_PID" "$URL" /github/issues "$WARMUP" webhook-service
[ "$PEER" = none ] || wrk_run warmB "$PROBOT_PID" "$PROBOT_URL" /api/github/webhooks "$WARMUP" Probot
: > "$WORK/rounds.tsv"
sleep 2
BEFORE="$(bench offsets "localhost:$BROKER_PORT" issues)"
CPU_BROKER_0="$(cpu_ms "$BROKER_PID")"
threads_cpu "$WEBHOOK_PID" > "$WORK/threads-before.tsv"

echo "== throughput: $ROUNDS rounds of ${SECONDS_LOAD} s at $CONNECTIONS connections, 2 wrk threads," \
  "A = webhook-service, B = Probot, alternating (JFR samples webhook-service meanwhile)"
MAIN_FROM="$(date +%s%3N)"
for round in $(seq 1 "$ROUNDS"); do
  wrk_run "A$round" "$WEBHOOK_PID" "$URL" /github/issues "$SECONDS_LOAD" webhook-service
  [ "$PEER" = none ] || wrk_run "B$round" "$PROBOT_PID" "$PROBOT_URL" /api/github/webhooks "$SECONDS_LOAD" Probot
done
MAIN_TO="$(date +%s%3N)"
CPU_BROKER_1="$(cpu_ms "$BROKER_PID")"
threads_cpu "$WEBHOOK_PID" > "$WORK/threads-after.tsv"
"$JCMD" "$WEBHOOK_PID" JFR.dump name=bench filename="$WORK/webhook.jfr" >> "$WORK/jfr-start.txt" 2>&1 || true
"$JCMD" "$WEBHOOK_PID" JFR.stop name=bench >> "$WORK/jfr-start.txt" 2>&1 || true
sleep 2
AFTER="$(bench offsets "localhost:$BROKER_PORT" issues)"
echo "wrk's full output per round: $WORK/wrk-A1.txt ..."

# Totals per side: requests, 2xx, req/s over all its rounds, median of its rounds' percentiles, CPU per 2xx.
summary() { # A or B
  awk -F'\t' -v side="$1" 'substr($1, 1, 1) == side {
      n += $2; bad += $3; rps += $4; cpu += $9; k++; p50[k] = $5; p90[k] = $6; p99[k] = $7; if ($8 > max) max = $8 }
    function med(a,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    END { printf "%d\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%.3f\n", n, n - bad, rps / k, med(p50), med(p90), med(p99), max,
      (n - bad > 0 ? cpu / (n - bad) : 0) }' "$WORK/rounds.tsv"
}
IFS=$'\t' read -r A_N OK A_RPS A_P50 A_P90 A_P99 A_MAX A_CPU <<< "$(summary A)"
STORED=$((AFTER - BEFORE))
BROKER_CPU="$(per_delivery $((CPU_BROKER_1 - CPU_BROKER_0)) "$OK")"
echo
printf '%-34s %10s %10s %10s %10s %10s %12s\n' "over the $ROUNDS rounds (medians of rounds)" "req/s" "p50 ms" "p90 ms" \
  "p99 ms" "max ms" "CPU ms/2xx"
printf '%-34s %10s %10s %10s %10s %10s %12s\n' "A webhook-service (+ broker)" "$A_RPS" "$A_P50" "$A_P90" "$A_P99" "$A_MAX" \
  "$A_CPU (+$BROKER_CPU)"
if [ "$PEER" != none ]; then
  IFS=$'\t' read -r B_N B_OK B_RPS B_P50 B_P90 B_P99 B_MAX B_CPU <<< "$(summary B)"
  printf '%-34s %10s %10s %10s %10s %10s %12s\n' "B Probot $PROBOT_VERSION, no-op" "$B_RPS" "$B_P50" "$B_P90" "$B_P99" \
    "$B_MAX" "$B_CPU"
  awk -v a="$A_RPS" -v b="$B_RPS" -v ca="$A_CPU" -v cb="$B_CPU" -v cbr="$BROKER_CPU" 'BEGIN {
    printf "ratio webhook-service / Probot: %.2fx the req/s (target: at least 1.5x); CPU per request %.2fx Probot'"'"'s", a / b, ca / cb
    printf " (%.2fx with the broker'"'"'s share)\n", (ca + cbr) / cb }'
  echo "   not the same work: webhook-service also normalizes each delivery into an IssueEvent and answers only after" \
    "Kafka stored it (acks=all); Probot's no-op handler only verifies the signature and dispatches the event."
  echo "   Probot is one Node.js process (one core for JavaScript); webhook-service uses both cores."
fi
echo "webhook-service answers 2xx: $OK of $A_N; records stored on issues meanwhile: $STORED"
if [ "$STORED" -lt "$OK" ]; then
  echo "!! fewer records than 2xx answers: a 2xx was given for a record that is not stored"
else
  echo "   every 2xx is on the topic (records - 2xx = $((STORED - OK)): answers wrk did not wait for at its stops)"
fi

echo "webhook-service CPU by thread group over the rounds (ms; GC and JIT threads included; idle during B rounds):"
awk -F'\t' 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; if (d > 0) printf "  %7d  %s\n", d, $1 }' \
  "$WORK/threads-before.tsv" "$WORK/threads-after.tsv" | sort -rn | head -8
JIT_MS="$(awk -F'\t' 'NR == FNR { before[$1] = $2; next } /Compiler/ { d += $2 - before[$1] } END { print d + 0 }' \
  "$WORK/threads-before.tsv" "$WORK/threads-after.tsv")"
A_CPU_MS="$(awk -F'\t' '/^A/ { c += $9 } END { print c + 0 }' "$WORK/rounds.tsv")"
echo "   without the JIT compiler threads (still warming up on a busy machine): webhook-service" \
  "$(per_delivery $((A_CPU_MS - JIT_MS)) "$OK") ms per 2xx delivery"
echo "load after the rounds: $(uptime)"

echo "== latency: open loop at a fixed $RATE req/s for 30 s (after 5 s warm-up), A then B"
rate_run() { # who pid url
  local cpu0 cpu1 ok
  cpu0="$(cpu_ms "$2")"
  bench rate "$3" "$RATE" 30 5 "$SECRET" "$SAMPLE" "$BODY_SIZE" | sed "s/^/  $1: /" | tee "$WORK/rate-$1.txt"
  cpu1="$(cpu_ms "$2")"
  ok="$(awk '/open loop/{print $(NF-3)}' "$WORK/rate-$1.txt")"
  echo "  $1: CPU per delivery at $RATE req/s (warm-up included) $(per_delivery $((cpu1 - cpu0)) $((ok + RATE * 5))) ms" \
    "(load $(load1))"
}
rate_run webhook-service "$WEBHOOK_PID" "$URL"
[ "$PEER" = none ] || rate_run Probot "$PROBOT_PID" "$PROBOT_URL"

echo "== profile of webhook-service under the wrk load (JFR execution samples of the A rounds)"
if [ -s "$WORK/webhook.jfr" ]; then
  bench jfr-top "$WORK/webhook.jfr" 25 "$MAIN_FROM" "$MAIN_TO"
else
  echo "no JFR recording: $(cat "$WORK/jfr-start.txt")"
fi
