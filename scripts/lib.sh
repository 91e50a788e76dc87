# Shared by the scripts: repository root, .env loading, service table, java.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# .env holds the user's settings; data/local-secrets.env the webhook secrets start-all.sh generated.
for envfile in .env data/local-secrets.env; do
  if [ -f "$envfile" ]; then set -a; . "./$envfile"; set +a; fi
done

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
BREAKDOWN_JAVA_OPTS="${BREAKDOWN_JAVA_OPTS:--Xms64m -Xmx384m}"
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-${REDPANDA_BROKERS:-${PANDA_CLOUD_BROKERS:-localhost:19092}}}"
export KAFKA_BOOTSTRAP_SERVERS
TOOLS_JAR="$ROOT/local-broker/target/local-broker.jar"

# name:port, in start order (the agent and calendar before the gateway that calls them).
SERVICES=(agent-service:8000 calendar-service:7300 webhook-service:7000 gateway-service:7100 chat-web:3000)

jar_of() { echo "$ROOT/$1/target/$1.jar"; }

# True when the pid file names a live process that runs our jar (guards against a reused pid).
running() {
  local pidfile="run/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -q -- "$1.jar"
}

tools() { "$JAVA" -jar "$TOOLS_JAR" "$@"; }
