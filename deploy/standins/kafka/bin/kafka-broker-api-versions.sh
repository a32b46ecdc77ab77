#!/bin/bash
# The stand-in's kafka-broker-api-versions.sh (the compose healthcheck): sends the broker an
# ApiVersions request (v0), as Kafka's tool does, and exits 0 when it answers without error. Kafka's
# own tool lives in kafka-tools, no dependency of the build; and this needs no JVM, which on a
# loaded machine takes longer to start than the healthcheck's timeout.
server=localhost:9092
while [ $# -gt 0 ]; do
  case "$1" in
    --bootstrap-server) server="$2"; shift 2 ;;
    *) shift ;;
  esac
done
host="${server%:*}"
port="${server##*:}"
exec 3<> "/dev/tcp/$host/$port" || exit 1
# size 10; api key 18 (ApiVersions), version 0; correlation id 42; client id null
printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x2a\xff\xff' >&3
reply="$(timeout 5 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')"
exec 3<&-
# the response: size, correlation id 42, error code 0
if [ "${reply:8:8}" = 0000002a ] && [ "${reply:16:4}" = 0000 ]; then
  echo "the broker at $server answers ApiVersions"
  exit 0
fi
echo "no ApiVersions answer from $server (got '${reply}')" >&2
exit 1
