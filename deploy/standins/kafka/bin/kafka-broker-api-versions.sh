#!/bin/bash
# Exits 0 once the broker at --bootstrap-server answers (ApiVersions, then Metadata).
exec "$(dirname "$0")/kafka-run-class.sh" KafkaReady "$@"
