#!/usr/bin/env bash
# Prints a topic from the beginning without joining a group: scripts/consume.sh --topic actions [--max N] [--timeout S]
# Usage: scripts/consume.sh --topic T [--max N] [--timeout S]
. "$(dirname "$0")/lib.sh"
[ -f "$TOOLS_JAR" ] || ./mvnw -B -q -DskipTests -pl local-broker -am package
tools consume "$@"
