#!/usr/bin/env bash
# Starts the local Kafka broker and the five services in the background, then waits until each is healthy.
# With KAFKA_BOOTSTRAP_SERVERS pointing anywhere but localhost:19092 the local broker is skipped (an external cluster).
# Usage: scripts/start-all.sh   (settings: .env, then the environment; START_TIMEOUT_SECONDS=240)
#   BREAKDOWN_JAVA_OPTS / LOCAL_BROKER_JAVA_OPTS: JVM options of the services / the broker (defaults in scripts/lib.sh)
#   BREAKDOWN_CDS=off: run the jars as built, without the class-data archives made once per build in data/cds/
#   BREAKDOWN_JIT_NICE=0-19: nice value of the JVMs' C2 compiler threads (default 10, so start-up work goes first)
. "$(dirname "$0")/lib.sh"
mkdir -p logs run data

# Java: the services are built for 17; 21+ runs webhook requests on virtual threads.
if ! java_version="$("$JAVA" -version 2>&1)"; then
  echo "Java is missing ($JAVA not found): install a JDK 17 or newer (21+ recommended), or set JAVA_HOME." >&2
  exit 1
fi
java_major="$(printf '%s' "$java_version" | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n 1)"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "Java 17 or newer is needed (21+ recommended); $JAVA is: $(printf '%s' "$java_version" | head -n 1)." >&2
  echo "Install a newer JDK or point JAVA_HOME at one." >&2
  exit 1
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A port held by something other than our own running process stops the start before anything is launched.
for entry in local-broker:19092 "${SERVICES[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  [ "$name" = local-broker ] && [ "$KAFKA_BOOTSTRAP_SERVERS" != "localhost:19092" ] && continue
  if ! running "$name" && port_taken "$port"; then
    echo "Port $port, which $name needs, is taken by another process:" >&2
    (command -v ss >/dev/null && ss -ltnp "sport = :$port" | tail -n +2) >&2 || true
    echo "Stop that process (or an earlier start: scripts/stop-all.sh) and start again." >&2
    exit 1
  fi
done

# Build when a jar is missing or older than its module's or the shared libraries' sources (after a git pull, say).
if [ -n "$(stale_modules)" ]; then
  echo "Building with Maven (the first run downloads Maven and the dependencies: a few minutes); log in logs/build.log"
  ./mvnw -B -DskipTests package > logs/build.log 2>&1 &
  build=$!
  started=$SECONDS
  while kill -0 "$build" 2>/dev/null; do
    # No match yet is normal while Maven resolves dependencies: it must not end the script (set -e, pipefail).
    step="$({ grep -o 'Building Breakdown [^ ]* .*\[[0-9]*/[0-9]*\]' logs/build.log || true; } | tail -n 1 | sed 's/ [0-9.]*-SNAPSHOT *//')"
    printf '\r  %4ss  %-60s' "$((SECONDS - started))" "${step:-resolving dependencies}"
    sleep 2
  done
  if ! wait "$build"; then
    printf '\n'
    echo "The build failed; the end of logs/build.log:" >&2
    grep -E '\[ERROR\]' logs/build.log | head -n 20 >&2
    exit 1
  fi
  printf '\r  built in %ss%-60s\n' "$((SECONDS - started))" ""
fi

# The webhook service refuses to start without a secret: generate one for local trials, once.
if [ -z "${GITHUB_WEBHOOK_SECRET:-}" ] && [ -z "${JIRA_WEBHOOK_SECRET:-}" ] && [ -z "${JIRA_PATH_TOKEN:-}" ]; then
  umask 077
  {
    echo "GITHUB_WEBHOOK_SECRET=$(openssl rand -hex 32)"
    echo "JIRA_WEBHOOK_SECRET=$(openssl rand -hex 32)"
  } > data/local-secrets.env
  set -a; . ./data/local-secrets.env; set +a
  echo "Generated webhook secrets in data/local-secrets.env (set GITHUB_WEBHOOK_SECRET in .env to use your own)."
fi

wait_for() { # name, command that succeeds when ready, pid
  local name="$1" check="$2" pid="$3" deadline=$((SECONDS + ${START_TIMEOUT_SECONDS:-240}))
  until eval "$check" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start; the end of logs/$name.log:" >&2
      tail -n 30 "logs/$name.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name is not healthy after ${START_TIMEOUT_SECONDS:-240}s; see logs/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# The JIT's optimising compiler (C2) yields to start-up work: its threads run at nice BREAKDOWN_JIT_NICE (default 10),
# so the six JVMs reach healthy sooner and C2 compiles in the CPU time left over (0 leaves them as the JVM made them).
lower_c2_priority() { # pid: renices its C2 compiler threads once the JVM has made them (within a second of launch)
  local pid="$1" task found=0 tries
  for tries in $(seq 40); do
    for task in /proc/"$pid"/task/*; do
      if [ "$(cat "$task/comm" 2>/dev/null)" = "C2 CompilerThre" ]; then
        renice -n "$BREAKDOWN_JIT_NICE" -p "${task##*/}" >/dev/null 2>&1 && found=1
      fi
    done
    [ "$found" = 1 ] && return 0
    sleep 0.05
  done
}

launch() { # name, command...
  local name="$1"; shift
  if running "$name"; then
    echo "$name already running (pid $(cat "run/$name.pid"))"
    return 1
  fi
  nohup "$@" > "logs/$name.log" 2>&1 &
  echo $! > "run/$name.pid"
  [ "$BREAKDOWN_JIT_NICE" = 0 ] || lower_c2_priority $! &
}

# Class-data sharing, as Spring Boot documents it: a service runs from its extracted jar in data/cds/<name>/ with an
# archive of the classes a training run loaded (the context refreshes, then exits), which saves the loading and
# verifying of them at every start. Made once per jar and JVM, in parallel; BREAKDOWN_CDS=off runs the jars as built.
# Java 25+ gets its successor, the AOT cache (JEP 483/514/515: classes loaded and linked, and method profiles).
if [ "${java_major:-0}" -ge 25 ]; then
  cds_ext=aot cds_make=-XX:AOTCacheOutput= cds_use=-XX:AOTCache=
else
  cds_ext=jsa cds_make=-XX:ArchiveClassesAtExit= cds_use=-XX:SharedArchiveFile=
fi
# An archive belongs to its jar, JVM and JVM options (some must match for the JVM to use it); any change retrains.
cds_stamp() { # name, JVM options
  echo "$(stat -c '%s %Y' "$(jar_of "$1")") $(printf '%s' "$java_version" | head -n 1) $2"
}
cds_ready() { # name, JVM options
  [ -f "$ROOT/data/cds/$1/$1.$cds_ext" ] && [ "$(cat "$ROOT/data/cds/$1/stamp" 2>/dev/null)" = "$(cds_stamp "$1" "$2")" ]
}
cds_train() { # name: extract, then a training run whose exit writes the archive; its output in logs/<name>-cds.log
  local dir="$ROOT/data/cds/$1"
  rm -rf "$dir"
  "$JAVA" -Djarmode=tools -jar "$(jar_of "$1")" extract --destination "$dir" \
    && "$JAVA" $BREAKDOWN_JAVA_OPTS "$cds_make$dir/$1.$cds_ext" -Dspring.context.exit=onRefresh \
      -jar "$dir/$1.jar" \
    && [ -f "$dir/$1.$cds_ext" ] && cds_stamp "$1" "$BREAKDOWN_JAVA_OPTS" > "$dir/stamp"
}
# The broker's jar is unpacked by the JDK's jar tool (Spring Boot's extract needs spring-core, which the broker lacks)
# and run from a class path, its own classes first; its training run is a broker on spare ports, stopped once it
# listens. This halves the broker's start (on the critical path: the services wait for it).
JAR_TOOL="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jar"
broker_dir="$ROOT/data/cds/local-broker"
broker_classpath() { # its own classes, then its libraries in the order of the jar's classpath index
  printf '%s' "$broker_dir/local-broker.jar"
  sed -n 's#^- "BOOT-INF/lib/\(.*\)"$#\1#p' "$broker_dir/BOOT-INF/classpath.idx" | while read -r lib; do
    printf ':%s' "$broker_dir/BOOT-INF/lib/$lib"
  done
}
broker_train() { # output in logs/local-broker-cds.log
  local port=29092 scratch pid
  rm -rf "$broker_dir" && mkdir -p "$broker_dir"
  (cd "$broker_dir" && "$JAR_TOOL" xf "$TOOLS_JAR" BOOT-INF/lib BOOT-INF/classes BOOT-INF/classpath.idx) \
    && "$JAR_TOOL" --create --file "$broker_dir/local-broker.jar" -C "$broker_dir/BOOT-INF/classes" . || return 1
  while port_taken "$port" || port_taken "$((port + 1))"; do port=$((port + 10)); done
  scratch="$(mktemp -d)"
  LOCAL_BROKER_PORT=$port LOCAL_BROKER_CONTROLLER_PORT=$((port + 1)) LOCAL_BROKER_DATA="$scratch" \
    "$JAVA" $LOCAL_BROKER_JAVA_OPTS "$cds_make$broker_dir/local-broker.$cds_ext" -cp "$(broker_classpath)" \
    dev.breakdown.broker.BrokerCli serve &
  pid=$!
  for _ in $(seq 120); do port_taken "$port" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  sleep 2 # the controller's activation and the first metadata, which every start goes through
  kill -TERM "$pid" 2>/dev/null; wait "$pid" || true
  rm -rf "$scratch"
  [ -f "$broker_dir/local-broker.$cds_ext" ] && cds_stamp local-broker "$LOCAL_BROKER_JAVA_OPTS" > "$broker_dir/stamp"
}

# The embedded default: our own broker, unless the user points KAFKA_BOOTSTRAP_SERVERS elsewhere.
if [ "$KAFKA_BOOTSTRAP_SERVERS" = "localhost:19092" ]; then
  broker_data="${LOCAL_BROKER_DATA:-data/kafka}"
  # A broker started before holds its topics already: the topic tool (one more JVM to start) runs for a new one only.
  new_broker=yes
  [ -f "$broker_data/logs/meta.properties" ] && new_broker=no
  if [ "${BREAKDOWN_CDS:-on}" != off ] && [ -x "$JAR_TOOL" ] && ! running local-broker \
      && ! cds_ready local-broker "$LOCAL_BROKER_JAVA_OPTS"; then
    echo "making the broker's class-data archive (once per build) ..."
    broker_train > logs/local-broker-cds.log 2>&1 \
      || echo "  no class-data archive for local-broker (see logs/local-broker-cds.log); it starts without"
  fi
  if [ "${BREAKDOWN_CDS:-on}" != off ] && cds_ready local-broker "$LOCAL_BROKER_JAVA_OPTS"; then
    broker=("$cds_use$broker_dir/local-broker.$cds_ext" -cp "$(broker_classpath)" dev.breakdown.broker.BrokerCli)
  else
    broker=(-jar "$TOOLS_JAR")
  fi
  if launch local-broker "$JAVA" $LOCAL_BROKER_JAVA_OPTS "${broker[@]}" serve; then
    echo "starting local-broker ..."
    wait_for local-broker "port_taken 19092" "$(cat run/local-broker.pid)"
    echo "local-broker      up   localhost:19092 (data in $broker_data)  (${SECONDS}s)"
  fi
  [ "$new_broker" = no ] || tools topics >/dev/null
else
  echo "Kafka: the external cluster at $KAFKA_BOOTSTRAP_SERVERS (KAFKA_BOOTSTRAP_SERVERS); no local broker started"
  tools topics >/dev/null
fi

if [ "${BREAKDOWN_CDS:-on}" != off ]; then
  training=() started=$SECONDS
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"
    if ! running "$name" && ! cds_ready "$name" "$BREAKDOWN_JAVA_OPTS"; then
      cds_train "$name" > "logs/$name-cds.log" 2>&1 &
      training+=("$name:$!")
    fi
  done
  if [ "${#training[@]}" -gt 0 ]; then
    echo "making class-data archives (once per build) for ${training[*]%%:*} ..."
    for entry in "${training[@]}"; do
      # A failed training run is not fatal: the service then starts without an archive, and says what is wrong.
      wait "${entry##*:}" || echo "  no class-data archive for ${entry%%:*} (see logs/${entry%%:*}-cds.log); it starts without"
    done
    echo "class-data archives made in $((SECONDS - started))s"
  fi
fi

for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"
  if [ "${BREAKDOWN_CDS:-on}" != off ] && cds_ready "$name" "$BREAKDOWN_JAVA_OPTS"; then
    launch "$name" "$JAVA" $BREAKDOWN_JAVA_OPTS "$cds_use$ROOT/data/cds/$name/$name.$cds_ext" \
      -jar "$ROOT/data/cds/$name/$name.jar" || true
  else
    launch "$name" "$JAVA" $BREAKDOWN_JAVA_OPTS -jar "$(jar_of "$name")" || true
  fi
done
echo "starting $(for s in "${SERVICES[@]}"; do printf '%s ' "${s%%:*}"; done)..."
for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  wait_for "$name" "curl -fsS http://localhost:$port/actuator/health | grep -q '\"UP\"'" "$(cat "run/$name.pid")"
  printf '%-17s up   http://localhost:%s  (%ss)\n' "$name" "$port" "$SECONDS"
done

cat <<TXT

Breakdown is running.
  chat page        http://localhost:3000/
  webhooks         http://localhost:7000/github/issues   http://localhost:7000/jira/webhook
  agent            http://localhost:8000/run
  calendar         http://localhost:7300/api/meetings    http://localhost:7300/api/nudges
  gateway health   http://localhost:7100/actuator/health
  Kafka            $KAFKA_BOOTSTRAP_SERVERS
Logs in logs/, pids in run/. Try scripts/test-flow.sh, then scripts/status.sh; stop with scripts/stop-all.sh.
TXT
