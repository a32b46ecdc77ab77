#!/usr/bin/env bash
# Builds the native peers the benchmarks compare against (Debian's libargon2).
# Installs libargon2-dev when it is missing and we are root; otherwise says what is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/build"
if [ ! -f /usr/include/argon2.h ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing libargon2-dev (native Argon2id peer)" >&2
    (apt-get install -y -q libargon2-dev >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libargon2-dev >/dev/null 2>&1; }) \
      || echo "bench: could not install libargon2-dev; native comparisons will be skipped" >&2
  else
    echo "bench: /usr/include/argon2.h missing (apt-get install libargon2-dev); native comparisons will be skipped" >&2
  fi
fi
for src in "$here"/*.c; do
  [ -e "$src" ] || continue
  [ -f /usr/include/argon2.h ] || continue
  out="$here/build/$(basename "$src" .c)"
  if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
    cc -O2 -o "$out" "$src" -largon2
  fi
done
