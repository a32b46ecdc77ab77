#!/bin/bash
# The official image's start: KAFKA_FOO_BAR=x becomes foo.bar=x (___ is -, __ is _), the log
# directory is formatted once with CLUSTER_ID, then the broker runs in the foreground.
set -euo pipefail
properties=/opt/kafka/config/server.properties
: > "$properties"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_JMX_OPTS|KAFKA_DEBUG) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key="${name#KAFKA_}"
  key="${key,,}"
  key="${key//___/-}"
  key="${key//__/@}"
  key="${key//_/.}"
  key="${key//@/_}"
  printf '%s=%s\n' "$key" "$value" >> "$properties"
done < <(env)
: "${CLUSTER_ID:?the stand-in, as the official image, needs CLUSTER_ID}"
"$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool format --ignore-formatted \
  --cluster-id "$CLUSTER_ID" --config "$properties"
exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$properties"
