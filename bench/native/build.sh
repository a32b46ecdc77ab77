#!/usr/bin/env bash
# Makes sure Debian's libargon2 (libargon2.so.1) is there: the benchmarks compare the protocol's
# pure-Java Argon2id with it, called through java.lang.foreign the way the services call it.
# Installs libargon2-1 when it is missing and we are root; otherwise says what is missing.
set -euo pipefail
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libargon2\.so\.1'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing libargon2-1 (native Argon2id peer)" >&2
    (apt-get install -y -q libargon2-1 >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libargon2-1 >/dev/null 2>&1; }) \
      || echo "bench: could not install libargon2-1; native comparisons will be skipped" >&2
  else
    echo "bench: libargon2.so.1 missing (apt-get install libargon2-1); native comparisons will be skipped" >&2
  fi
fi
