#!/usr/bin/env bash
# The benchmark programs' launcher (make bench-search, make bench-writes): builds the given modules and e2e-tests
# without tests (unless BENCH_SKIP_BUILD=1), computes e2e-tests' test class path, and runs the given main class from
# the repository root.  Usage: scripts/bench-run.sh NAME MODULES MAIN_CLASS [ARGS...]
#   NAME     shown in messages (bench-search)
#   MODULES  the -pl list to build with -am (services/dataset-search,e2e-tests)
set -euo pipefail
cd "$(dirname "$0")/.."
NAME="$1"; MODULES="$2"; MAIN="$3"; shift 3

JAVA_HOME="${JAVA_HOME:-$(scripts/find-jdk.sh || true)}"
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "$NAME: no JDK 21+ found; set JAVA_HOME (the Makefile does)." >&2
  exit 1
fi
export JAVA_HOME
MVN=(./mvnw -B -ntp)

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "$NAME: building $MODULES (no tests)..."
  "${MVN[@]}" -q -pl "$MODULES" -am install -DskipTests
fi

RUN_DIR="e2e-tests/target/bench"
mkdir -p "$RUN_DIR"
echo "$NAME: computing the bench's class path..."
"${MVN[@]}" -q -pl e2e-tests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$RUN_DIR/classpath.txt" -Dmdep.includeScope=test >/dev/null
# The project's own modules from this working tree's build, not from the local repository (which another build may
# have replaced meanwhile).
CLASSPATH_DEPS="$(sed -E \
  -e "s#[^:]*/fr/dataterritoires/contracts/[^:]*#$PWD/libs/contracts/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/territory/[^:]*#$PWD/libs/territory/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/platform/[^:]*tests.jar#$PWD/libs/platform/target/test-classes#" \
  -e "s#[^:]*/fr/dataterritoires/platform/[^:]*#$PWD/libs/platform/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/embedded/[^:]*#$PWD/libs/embedded/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/testing/[^:]*#$PWD/libs/testing/target/classes#" \
  "$RUN_DIR/classpath.txt")"

exec "$JAVA_HOME/bin/java" -Xmx1g \
  -Dlogback.configurationFile=fr/dataterritoires/bench/logback-bench.xml \
  -cp "$PWD/e2e-tests/target/test-classes:$CLASSPATH_DEPS" \
  "$MAIN" "$@"
