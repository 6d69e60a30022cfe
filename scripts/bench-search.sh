#!/usr/bin/env bash
# `make bench-search` (issue 3 §8): the dataset-search benchmark. Builds the service and e2e-tests, then runs
# fr.dataterritoires.bench.SearchBench, which starts an Elasticsearch node and the service as processes of their own,
# serves a generated catalogue as a data.gouv.fr API v1 source, measures harvest-and-index against raw _bulk, query
# latency through REST and gRPC against the same requests sent straight to Elasticsearch, and resident memory. It
# writes docs/benchmarks.md and prints the same. See docs/benchmarks.md for the method and the knobs:
#   BENCH_DATASETS (500000), BENCH_QUERY_SECONDS (20), BENCH_WARMUP_SECONDS (5), BENCH_CONCURRENCY (1,16,64),
#   BENCH_QUERIES (400), BENCH_BULK_BATCH (200), BENCH_RAW_BULK_CONCURRENCY (1), BENCH_SEED, BENCH_SERVICE_HEAP (1g),
#   BENCH_ES_HEAP (2g), BENCH_OUTPUT (docs/benchmarks.md), BENCH_SKIP_BUILD=1 to reuse the last build.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres; BENCH_PG_URL/BENCH_PG_USER/BENCH_PG_PASSWORD otherwise) and an
# AMQP broker on 127.0.0.1:5672 (BENCH_AMQP_*), as on the development machine.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-$(scripts/find-jdk.sh || true)}"
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "bench-search: no JDK 21+ found; set JAVA_HOME (the Makefile does)." >&2
  exit 1
fi
export JAVA_HOME
MVN=(./mvnw -B -ntp)

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "bench-search: building the service and the bench (no tests)..."
  "${MVN[@]}" -q -pl services/dataset-search,e2e-tests -am install -DskipTests
fi

RUN_DIR="e2e-tests/target/bench"
mkdir -p "$RUN_DIR"
echo "bench-search: computing the bench's class path..."
"${MVN[@]}" -q -pl e2e-tests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$RUN_DIR/classpath.txt" -Dmdep.includeScope=test >/dev/null
# The project's own modules from this working tree's build, not from the local repository (which another build may
# have replaced meanwhile).
CLASSPATH_DEPS="$(sed -E \
  -e "s#[^:]*/fr/dataterritoires/contracts/[^:]*#$PWD/libs/contracts/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/territory/[^:]*#$PWD/libs/territory/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/platform/[^:]*#$PWD/libs/platform/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/embedded/[^:]*#$PWD/libs/embedded/target/classes#" \
  -e "s#[^:]*/fr/dataterritoires/testing/[^:]*#$PWD/libs/testing/target/classes#" \
  "$RUN_DIR/classpath.txt")"

exec "$JAVA_HOME/bin/java" -Xmx1g \
  -Dlogback.configurationFile=fr/dataterritoires/bench/logback-bench.xml \
  -cp "$PWD/e2e-tests/target/test-classes:$CLASSPATH_DEPS" \
  fr.dataterritoires.bench.SearchBench "$@"
