#!/usr/bin/env bash
# `make run`: starts the local backends, then every service, until Ctrl-C.
#
# Backends (PostgreSQL, AMQP broker, Elasticsearch) are resolved like the tests do
# (DESIGN.md §6): DT_POSTGRES_URL / DT_AMQP_URL / DT_ELASTICSEARCH_URL if set, else a server on
# its default loopback port, else Testcontainers when Docker runs, else the embedded engines of
# libs/embedded (a machine with nothing installed gets those). The launcher is
# fr.dataterritoires.testing.local.LocalBackends, run on libs/testing's classpath.
#
# Expects `./mvnw install -DskipTests` to have run (the Makefile's `run` target does it first).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-$(scripts/find-jdk.sh || true)}"
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "run-local: no JDK 21+ found; set JAVA_HOME (the Makefile does)." >&2
  exit 1
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

RUN_DIR="libs/testing/target/run-local"
CLASSPATH_FILE="$RUN_DIR/classpath.txt"
ENV_FILE="$RUN_DIR/backends.env"
mkdir -p "$RUN_DIR"
rm -f "$ENV_FILE"

if [ ! -d libs/testing/target/classes/fr/dataterritoires/testing/local ]; then
  echo "run-local: libs/testing is not built; run 'make build' (or ./mvnw install -DskipTests) first." >&2
  exit 1
fi

echo "run-local: computing the launcher's classpath..."
./mvnw -q -B -ntp -pl libs/testing dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CLASSPATH_FILE" -Dmdep.includeScope=runtime >/dev/null

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "run-local: stopping..."
  # Services first, then the backends they use. SIGTERM lets each JVM run its shutdown hooks.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "run-local: stopped."
}
trap cleanup INT TERM EXIT

"$JAVA" -cp "$(cat "$CLASSPATH_FILE"):libs/testing/target/classes" \
  fr.dataterritoires.testing.local.LocalBackends --env-file="$ENV_FILE" &
backends_pid=$!
pids+=("$backends_pid")

# The launcher writes the env file once every backend is up (embedded ones take a few seconds).
for _ in $(seq 1 300); do
  [ -s "$ENV_FILE" ] && break
  if ! kill -0 "$backends_pid" 2>/dev/null; then
    echo "run-local: the backends launcher exited before the backends were up." >&2
    exit 1
  fi
  sleep 1
done
if [ ! -s "$ENV_FILE" ]; then
  echo "run-local: backends not up after 300 s." >&2
  exit 1
fi
set -a
# shellcheck disable=SC1090
. "$ENV_FILE"
set +a

# ---------------------------------------------------------------------------------------------
# SERVICES. Each services/<name> module adds itself simply by producing an executable Spring
# Boot jar (classifier exec: <name>-<version>-exec.jar) in services/<name>/target/. Each runs as its own process with the `local` profile
# and the DT_* variables of the backends resolved above:
#   DT_POSTGRES_URL, DT_POSTGRES_USER, DT_POSTGRES_PASSWORD, DT_AMQP_URL, DT_ELASTICSEARCH_URL
# (a service creates or selects its own database from DT_POSTGRES_URL's server).
# Per-service options (ports, JVM flags) belong here, keyed by the service's directory name.
# ---------------------------------------------------------------------------------------------
shopt -s nullglob
service_jars=()
for jar in services/*/target/*-exec.jar; do
  service_jars+=("$jar")
done
shopt -u nullglob

if [ ${#service_jars[@]} -eq 0 ]; then
  echo "run-local: no service exists yet (services/ is empty): only the backends are running."
  echo "run-local: services will start here, as separate processes, once services/<name> modules exist."
else
  for jar in "${service_jars[@]}"; do
    name="$(basename "$(dirname "$(dirname "$jar")")")"
    echo "run-local: starting $name ($jar)"
    SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" \
      "$JAVA" -jar "$jar" > "$RUN_DIR/$name.log" 2>&1 &
    pids+=("$!")
    echo "run-local:   $name logs to $RUN_DIR/$name.log (pid $!)"
    if [ "$name" = portal ]; then
      echo "run-local:   the portal: http://127.0.0.1:8086/ (sign in with a demo user at /connexion)"
    fi
  done
fi
# --------------------------------------------------------------------------------- /SERVICES --

echo "run-local: press Ctrl-C to stop."
# Returns when the launcher ends (or a signal arrives: the trap then stops everything).
wait "$backends_pid" || true
