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
exec "$(dirname "$0")/bench-run.sh" bench-search services/dataset-search,e2e-tests fr.dataterritoires.bench.SearchBench "$@"
