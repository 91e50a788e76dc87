#!/usr/bin/env bash
# Publishes a JSON file (an object or an array of objects) to a topic: scripts/publish.sh --topic issues --file samples/events/p0-bug.json
# Usage: scripts/publish.sh --topic T --file F [--key K]
. "$(dirname "$0")/lib.sh"
[ -f "$TOOLS_JAR" ] || ./mvnw -B -q -DskipTests -pl local-broker -am package
tools publish "$@"
