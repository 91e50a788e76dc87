# Shared by the scripts: --help, repository root, .env loading, service table, java.
set -euo pipefail

# -h/--help: the calling script's header comment (its first lines after #!), which holds its usage line.
case "${1:-}" in
  -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Precedence, highest first: what is set in the environment itself (no file overrides it), .env (the user's
# settings), then data/local-secrets.env (the webhook secrets start-all.sh generated), which only fills what is empty.
environment="$(export -p)"
if [ -f .env ]; then set -a; . ./.env; set +a; fi
if [ -f data/local-secrets.env ]; then
  while IFS='=' read -r name value; do
    case "$name" in ''|\#*) continue ;; esac
    [ -n "${!name:-}" ] || export "$name=$value"
  done < data/local-secrets.env
fi
eval "$environment"
unset environment name value

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The serial collector: G1's own structures took 40 MB per service JVM (NMT), more than its small heap needs them.
# -XX:TieredStopAtLevel=1 starts faster and smaller but more than doubled intake's CPU per delivery (BENCHMARKS.md).
BREAKDOWN_JAVA_OPTS="${BREAKDOWN_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx384m}"
LOCAL_BROKER_JAVA_OPTS="${LOCAL_BROKER_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m}"
# Nice value of the JVMs' C2 compiler threads (start-all.sh, and the stacks of load.sh and chaos.sh): start-up first.
BREAKDOWN_JIT_NICE="${BREAKDOWN_JIT_NICE:-10}"
case "$BREAKDOWN_JIT_NICE" in
  [0-9]|1[0-9]) export BREAKDOWN_JIT_NICE ;;
  *) echo "BREAKDOWN_JIT_NICE must be a nice value from 0 to 19, got '$BREAKDOWN_JIT_NICE'" >&2; exit 1 ;;
esac
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-${REDPANDA_BROKERS:-${PANDA_CLOUD_BROKERS:-localhost:19092}}}"
export KAFKA_BOOTSTRAP_SERVERS
TOOLS_JAR="$ROOT/local-broker/target/local-broker.jar"

# name:port, in start order (the agent and calendar before the gateway that calls them).
SERVICES=(agent-service:8000 calendar-service:7300 webhook-service:7000 gateway-service:7100 chat-web:3000)

jar_of() { echo "$ROOT/$1/target/$1.jar"; }

# The modules whose jar is missing or older than their own or the shared libraries' sources (after a git pull, say).
stale_modules() {
  local module
  for module in local-broker $(for s in "${SERVICES[@]}"; do echo "${s%%:*}"; done); do
    if [ ! -f "$(jar_of "$module")" ] || [ -n "$(find "$module/src" "$module/pom.xml" contracts/src platform/src pom.xml \
        -newer "$(jar_of "$module")" -print -quit)" ]; then
      echo "$module"
    fi
  done
}

# True when the pid file names a live process that runs our jar (guards against a reused pid).
running() {
  local pidfile="run/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -q -- "$1.jar"
}

tools() { "$JAVA" -jar "$TOOLS_JAR" "$@"; }
