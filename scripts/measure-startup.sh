#!/usr/bin/env bash
# Measures the local stack's start-up time and memory: starts it with scripts/start-all.sh (jars already built: a
# missing or stale jar is built first, outside the measurement), takes the wall time until every health endpoint
# answers UP, sums the resident memory (VmRSS) of each process once healthy and again after scripts/test-flow.sh,
# prints a table per process with the totals, then stops what it started (scripts/stop-all.sh). RUNS > 1 repeats it.
# Usage: scripts/measure-startup.sh [RUNS=1]   (refuses to run while a stack started by start-all.sh is running)
#   BREAKDOWN_JAVA_OPTS=... scripts/measure-startup.sh 2     # compare JVM options (start-all.sh passes them on)
. "$(dirname "$0")/lib.sh"
RUNS="${1:-1}"
NAMES=(local-broker $(for s in "${SERVICES[@]}"; do echo "${s%%:*}"; done))
[ "$KAFKA_BOOTSTRAP_SERVERS" = "localhost:19092" ] || NAMES=("${NAMES[@]:1}")

for name in "${NAMES[@]}"; do
  if running "$name"; then
    echo "$name is running already (pid $(cat "run/$name.pid")): stop the stack first (scripts/stop-all.sh)." >&2
    exit 1
  fi
done
stale="$(stale_modules)"
if [ -n "$stale" ]; then
  echo "building $(echo $stale) first (not measured) ..."
  flock /tmp/breakdown-mvn.lock ./mvnw -B -q -DskipTests package
fi

mkdir -p logs
kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
# Proportional set size: shared pages (libjvm, the JDK's class-data archive) divided among the processes mapping them.
pss() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }
# CPU time used so far (utime + stime), in seconds: what starting cost, whatever else the machine was running.
CLK_TCK="$(getconf CLK_TCK)"
cpu_s() { awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null; }
snapshot() { # file: name pid rss_kb pss_kb threads cpu_s
  for name in "${NAMES[@]}"; do
    local pid
    pid="$(cat "run/$name.pid" 2>/dev/null || true)"
    [ -n "$pid" ] || continue
    echo "$name $pid $(kb "$pid" VmRSS) $(pss "$pid") $(kb "$pid" Threads) $(cpu_s "$pid")"
  done > "$1"
}
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

stopped=1
cleanup() { [ "$stopped" = 1 ] || scripts/stop-all.sh > logs/measure-stop.log 2>&1 || true; }
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/{print $2}') MB; $("$JAVA" -version 2>&1 | head -n 1)"
echo "JVM options: services BREAKDOWN_JAVA_OPTS=\"$BREAKDOWN_JAVA_OPTS\", broker LOCAL_BROKER_JAVA_OPTS=\"$LOCAL_BROKER_JAVA_OPTS\""
summary=()
for run in $(seq 1 "$RUNS"); do
  echo
  echo "== run $run of $RUNS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  stopped=0
  started=$(date +%s%N)
  if ! scripts/start-all.sh > logs/measure-start.log 2>&1; then
    cat logs/measure-start.log >&2
    echo "start-all.sh failed (above); stopping what started" >&2
    exit 1
  fi
  healthy_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  load_start="$(cut -d' ' -f1 /proc/loadavg)"
  snapshot logs/measure-healthy.txt
  sed -n '/ up /p; /class-data/p' logs/measure-start.log | sed 's/^/  /'
  if ! scripts/test-flow.sh > logs/measure-flow.log 2>&1; then
    cat logs/measure-flow.log >&2
    echo "test-flow.sh failed (above)" >&2
    exit 1
  fi
  snapshot logs/measure-flow.txt
  printf '  %-17s %8s %12s %14s %14s %8s %14s\n' process pid "RSS healthy" "RSS after flow" "PSS after flow" threads \
    "CPU s to UP"
  join <(sort logs/measure-healthy.txt) <(sort logs/measure-flow.txt) \
    | while read -r name pid rss _ _ cpu _ rss2 pss2 threads2 _; do
      printf '  %-17s %8s %9s MB %11s MB %11s MB %8s %14s\n' "$name" "$pid" "$(mb "$rss")" "$(mb "$rss2")" "$(mb "$pss2")" \
        "$threads2" "$cpu"
    done
  total_healthy="$(awk '{ s += $3 } END { print s }' logs/measure-healthy.txt)"
  total_flow="$(awk '{ s += $3 } END { print s }' logs/measure-flow.txt)"
  total_pss="$(awk '{ s += $4 } END { print s }' logs/measure-flow.txt)"
  total_cpu="$(awk '{ s += $6 } END { printf "%.1f", s }' logs/measure-healthy.txt)"
  printf '  %-17s %8s %9s MB %11s MB %11s MB %8s %14s\n' "total (${#NAMES[@]})" "" "$(mb "$total_healthy")" \
    "$(mb "$total_flow")" "$(mb "$total_pss")" "" "$total_cpu"
  line="$(printf 'run %s: healthy in %.1f s (load %s at the end of the start; %s CPU s), RSS %s MB healthy, %s MB after the flow (PSS %s MB)' \
    "$run" "$(awk -v ms="$healthy_ms" 'BEGIN { print ms / 1000 }')" "$load_start" "$total_cpu" "$(mb "$total_healthy")" \
    "$(mb "$total_flow")" "$(mb "$total_pss")")"
  echo "  $line"
  summary+=("$line")
  scripts/stop-all.sh > logs/measure-stop.log 2>&1
  stopped=1
done

echo
echo "== start-up and memory of the whole local stack ($(nproc) cores; wall time from scripts/start-all.sh to every"
echo "   /actuator/health UP, no build; RSS = sum of VmRSS, which counts shared libjvm/CDS pages once per process;"
echo "   PSS divides them among the processes)"
printf '  %s\n' "${summary[@]}"
echo "  load now: $(uptime)"
