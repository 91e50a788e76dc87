#!/usr/bin/env bash
# Copies dead letters from issues-dlt back to issues (key and value unchanged) for the gateway to try again, and
# prints each one with the reason it was dead-lettered. Consumer group dlt-replay remembers where a replay stopped,
# so the next one continues there. Fix the cause first (agent down, a bad record), then:
# Usage: scripts/replay-dlt.sh [--from-offset N] [--max N] [--timeout S]
# --from-offset N replays every partition from offset N again; the gateway ignores a copy of an event it processed.
. "$(dirname "$0")/lib.sh"
[ -f "$TOOLS_JAR" ] || ./mvnw -B -q -DskipTests -pl local-broker -am package
tools replay-dlt "$@"
