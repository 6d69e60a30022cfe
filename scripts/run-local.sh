#!/usr/bin/env bash
# `make run` [SEED=demo]: the local backends, then every service as its own process, until Ctrl-C.
#
# The launcher is fr.dataterritoires.testing.local.LocalSuite (libs/testing, never in a production jar):
#  - backends resolved like the tests do (DESIGN.md §6): DT_POSTGRES_URL / DT_AMQP_URL / DT_ELASTICSEARCH_URL if
#    set, else a server on its default loopback port, else Testcontainers when Docker runs, else the embedded engines
#    of libs/embedded (a machine with nothing but a JDK gets those);
#  - every services/<name>/target/*-exec.jar with the `local` profile: gRPC servers before their clients
#    (dataset-search before roadmaps, commons-calls before replication), the gateway last, then any other service
#    (e.g. the portal) on its reserved port; each waited for on /actuator/health/readiness;
#  - prints the URLs and a demo token per role; SEED=demo then loads the demo world through the gateway (DemoSeed);
#  - Ctrl-C or SIGTERM: the services stop first (gateway first), then the backends. A service that does not start:
#    the end of its log is printed, everything stops, exit status 1.
# Logs: target/run-local/<date-time>/<service>.log (printed at start).
#
# Options (environment): SEED=demo, DT_RUN_PORT_OFFSET=N (every port + N, to run beside another suite),
# DT_RUN_DATABASE=name (the services' PostgreSQL database, created if missing).
# Expects `./mvnw install -DskipTests` to have run (the Makefile's `run` target does it first).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-$(scripts/find-jdk.sh || true)}"
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "run-local: no JDK 21+ found; set JAVA_HOME (the Makefile does)." >&2
  exit 1
fi
export JAVA_HOME

RUN_DIR="libs/testing/target/run-local"
CLASSPATH_FILE="$RUN_DIR/classpath.txt"
mkdir -p "$RUN_DIR"

if [ ! -d libs/testing/target/classes/fr/dataterritoires/testing/local ]; then
  echo "run-local: libs/testing is not built; run 'make build' (or ./mvnw install -DskipTests) first." >&2
  exit 1
fi

echo "run-local: computing the launcher's classpath..."
./mvnw -q -B -ntp ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} -pl libs/testing \
  dependency:build-classpath -Dmdep.outputFile="$PWD/$CLASSPATH_FILE" -Dmdep.includeScope=runtime >/dev/null

args=("--repo=$PWD")
[ -n "${SEED:-}" ] && args+=("--seed=$SEED")
[ -n "${DT_RUN_PORT_OFFSET:-}" ] && args+=("--port-offset=$DT_RUN_PORT_OFFSET")
[ -n "${DT_RUN_DATABASE:-}" ] && args+=("--database=$DT_RUN_DATABASE")

# exec: Ctrl-C and SIGTERM reach the launcher's JVM, whose shutdown hook stops services then backends.
exec "$JAVA_HOME/bin/java" -cp "$(cat "$CLASSPATH_FILE"):libs/testing/target/classes" \
  fr.dataterritoires.testing.local.LocalSuite "${args[@]}" "$@"
