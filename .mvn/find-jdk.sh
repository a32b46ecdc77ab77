# Sourced by ./mvnw, ./numi and bench/run: points JAVA_HOME at a JDK >= 25.
# Order: $JAVA_HOME if it is new enough, then the JDKs under the usual system folders.
# POSIX sh: the Maven wrapper runs under /bin/sh.

numi_required_java=25

numi_java_feature() {
  # Prints the feature release (17, 21, 25, ...) of the JDK at $1, or nothing.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

numi_find_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(numi_java_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$numi_required_java" ]; then
      return 0
    fi
  fi
  # The Maven wrapper runs with globbing off (set -f); the search below needs it.
  case $- in *f*) set +f; numi_restore_noglob=1 ;; *) numi_restore_noglob= ;; esac
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    v=$(numi_java_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$numi_required_java" ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      [ -z "$numi_restore_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$numi_restore_noglob" ] || set -f
  echo "error: NumiCoin needs a JDK $numi_required_java or newer." >&2
  echo "  JAVA_HOME=${JAVA_HOME-<unset>} is not one, and none was found under /usr/lib/jvm, /usr/local/lib/jvm, /opt, ~/.sdkman or ~/.jdks." >&2
  echo "  Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
