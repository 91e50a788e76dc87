#!/usr/bin/env bash
# Starts the local Kafka broker and the five services in the background, then waits until each is healthy.
. "$(dirname "$0")/lib.sh"
mkdir -p logs run data

# Build when a jar is missing or older than its module's or the shared libraries' sources (after a git pull, say).
stale=0
for module in local-broker $(for s in "${SERVICES[@]}"; do echo "${s%%:*}"; done); do
  jar="$(jar_of "$module")"
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src" "$module/pom.xml" contracts/src platform/src pom.xml -newer "$jar" -print -quit)" ]; then
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  echo "Building (the first run downloads Maven and the dependencies: a few minutes)..."
  ./mvnw -B -q -DskipTests package
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

launch() { # name, command...
  local name="$1"; shift
  if running "$name"; then
    echo "$name already running (pid $(cat "run/$name.pid"))"
    return 1
  fi
  nohup "$@" > "logs/$name.log" 2>&1 &
  echo $! > "run/$name.pid"
}

# The embedded default: our own broker, unless the user points KAFKA_BOOTSTRAP_SERVERS elsewhere.
if [ "$KAFKA_BOOTSTRAP_SERVERS" = "localhost:19092" ]; then
  if launch local-broker "$JAVA" -Xms128m -Xmx512m -jar "$TOOLS_JAR" serve; then
    wait_for local-broker "(exec 3<>/dev/tcp/127.0.0.1/19092)" "$(cat run/local-broker.pid)"
    echo "local-broker up on localhost:19092 (data in data/kafka)"
  fi
  tools topics >/dev/null
fi

for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"
  launch "$name" "$JAVA" $BREAKDOWN_JAVA_OPTS -jar "$(jar_of "$name")" || true
done
for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  wait_for "$name" "curl -fsS http://localhost:$port/actuator/health | grep -q '\"UP\"'" "$(cat "run/$name.pid")"
  printf '%-17s up   http://localhost:%s\n' "$name" "$port"
done

cat <<TXT

Breakdown is running.
  chat page        http://localhost:3000/
  webhooks         http://localhost:7000/github/issues   http://localhost:7000/jira/webhook
  agent            http://localhost:8000/run
  calendar         http://localhost:7300/api/meetings    http://localhost:7300/api/nudges
  gateway health   http://localhost:7100/actuator/health
  Kafka            $KAFKA_BOOTSTRAP_SERVERS
Logs in logs/, pids in run/. Try scripts/test-flow.sh; stop with scripts/stop-all.sh.
TXT
