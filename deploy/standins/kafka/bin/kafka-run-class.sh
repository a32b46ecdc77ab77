#!/bin/bash
# java with the broker's classpath; KAFKA_HEAP_OPTS and KAFKA_OPTS as in Kafka's own script.
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_OPTS:-} --sun-misc-unsafe-memory-access=allow \
  -cp "/opt/kafka/config:/opt/kafka/libs/*" "$@"
