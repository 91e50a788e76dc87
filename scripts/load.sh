#!/usr/bin/env bash
# Load generator (not a test): signed GitHub `issues` webhooks (~13 KB, built from samples/webhooks, a unique
# X-GitHub-Delivery each, the four default policies in turn) into the broker and five services, which it starts from
# their jars on spare ports in a temp dir (or, with --running, the stack of scripts/start-all.sh), followed to their
# outcomes by a read_committed consumer. Phases: warm-up (not measured); the measured load at a fixed rate, or as
# fast as N connections go; a backlog sent while the gateway is paused (SIGSTOP), drained after SIGCONT.
# Prints intake rate and HTTP latency, webhook -> outcome p50/p90/p99/max per policy, backlog drain rate, CPU ms per
# event and peak RSS of each process, load averages and the exactly-once counts; writes a JSON file and an HTML chart.
# Exit status 1 when a 2xx delivery is missing or doubled anywhere along the way.
#
# Usage: scripts/load.sh [--rate R=100 --seconds S=60 | --connections N --seconds S] [--warmup S|auto=auto]
#                        [--backlog N=10000] [--backlog-connections C=16] [--running] [--out DIR] [--publish]
#   --warmup    seconds of unmeasured load first; auto (default): until JIT compilation takes under 10% of the CPU
#               (195 s at 100/s on 2 cores; at low rates compilation stays a large share longer: 435 s at 20/s)
#   --publish   writes the "Load" section of BENCHMARKS.md and the chart to docs/benchmarks/load.html
#   BENCH_JFR_DIR=dir   a Java Flight Recording per process of the started stack (dir/<name>.jfr)
#   BREAKDOWN_JAVA_OPTS the services' JVM options (default in scripts/lib.sh); BREAKDOWN_SERVICE_TOKEN is passed on
#   BREAKDOWN_JIT_NICE  nice value of the JVMs' C2 compiler threads, as for scripts/start-all.sh (default 10)
. "$(dirname "$0")/lib.sh"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
for jar in "$BENCH_JAR" "$TOOLS_JAR" $(for s in "${SERVICES[@]}"; do jar_of "${s%%:*}"; done); do
  [ -f "$jar" ] || { echo "building the jars ..."; ./mvnw -B -q -DskipTests package; break; }
done
[ -z "${BENCH_JFR_DIR:-}" ] || mkdir -p "$BENCH_JFR_DIR"
export BREAKDOWN_JAVA_OPTS
# The tool is the launcher's main class, not the jar's (PipelineBench, for bench-pipeline.sh).
exec "$JAVA" -Xmx768m -Dloader.main=dev.breakdown.bench.load.LoadCommand -cp "$BENCH_JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --root "$ROOT" --command "scripts/load.sh $*" "$@"
