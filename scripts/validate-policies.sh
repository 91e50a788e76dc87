#!/usr/bin/env bash
# Validates agent policy files without starting the service; for CI. Exit 0 = all valid, 1 = problems printed.
# Usage: scripts/validate-policies.sh path/to/policies.yml [more.yml...]
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${AGENT_JAR:-$root/agent-service/target/agent-service.jar}"
if [[ ! -f "$jar" ]]; then
  echo "No $jar; build it first: ./mvnw -B -o -pl agent-service -am package -DskipTests" >&2
  exit 2
fi
exec java -jar "$jar" --validate-policies "$@"
