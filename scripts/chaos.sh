#!/usr/bin/env bash
# Chaos run (not a test): a steady load of signed GitHub `issues` webhooks into the broker and five services, which it
# starts from their jars on spare ports in a temp dir, while in turn: the broker is stopped for 10 s and started again
# on the same data dir, the gateway is SIGKILLed and restarted three times, the agent is down 30 s and the calendar is
# down 30 s. Deliveries answered 5xx (or not at all) are redelivered with the same X-GitHub-Delivery, as GitHub does;
# one never answered 2xx counts as not accepted. Then it replays the dead letters (local-broker replay-dlt, as
# scripts/replay-dlt.sh) and checks: every 2xx delivery is on `issues` once; every stored event has exactly its action
# and one outcome; calendar-service lists exactly one meeting or nudge per issue that wanted one; what was
# dead-lettered has its outcome after the replay. Prints the counts; exit status 1 on any loss or duplicate.
# 4 to 5 minutes with the defaults on a quiet machine, start-up included.
#
# Usage: scripts/chaos.sh [--rate R=25] [--settle S=10] [--broker-down S=10] [--gateway-kills N=3]
#                         [--agent-down S=30] [--calendar-down S=30] [--out DIR] [--publish]
#   --settle    seconds of undisturbed load before the first fault and after each
#   --publish   writes the "Chaos" section of BENCHMARKS.md and the chart to docs/benchmarks/chaos.html
#   BREAKDOWN_JAVA_OPTS the services' JVM options (default in scripts/lib.sh); BREAKDOWN_SERVICE_TOKEN is passed on
#   BREAKDOWN_JIT_NICE  nice value of the JVMs' C2 compiler threads, as for scripts/start-all.sh (default 10)
. "$(dirname "$0")/lib.sh"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
for jar in "$BENCH_JAR" "$TOOLS_JAR" $(for s in "${SERVICES[@]}"; do jar_of "${s%%:*}"; done); do
  [ -f "$jar" ] || { echo "building the jars ..."; ./mvnw -B -q -DskipTests package; break; }
done
export BREAKDOWN_JAVA_OPTS
# The tool is the launcher's main class, not the jar's (PipelineBench, for bench-pipeline.sh).
exec "$JAVA" -Xmx768m -Dloader.main=dev.breakdown.bench.load.ChaosCommand -cp "$BENCH_JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --root "$ROOT" --command "scripts/chaos.sh $*" "$@"
