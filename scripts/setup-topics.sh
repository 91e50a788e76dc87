#!/usr/bin/env bash
# Creates issues, actions, outcomes, chatkit_telemetry and issues-dlt where missing (KAFKA_TOPIC_PARTITIONS, default 3).
# Usage: scripts/setup-topics.sh [--partitions N] [--replicas R]
. "$(dirname "$0")/lib.sh"
[ -f "$TOOLS_JAR" ] || ./mvnw -B -q -DskipTests -pl local-broker -am package
tools topics "$@"
