#!/usr/bin/env bash
# `make bench-writes` (issue 10 §1, §2, §4): builds every service, the minimal Spring Boot web application
# (e2e-tests/minimal-web-app) and the bench, then runs fr.dataterritoires.bench.WritesBench, which starts the suite as
# processes (LocalSuite, a fresh bench_writes database), measures the main write of each service through the gateway
# and straight to the service against the same rows written with plain JDBC (a fresh bench_writes_jdbc copy of the
# schema), event propagation roadmaps → dataset-search against the broker's round trip, and the start-up and resident
# memory of each service against the minimal application, with and without the JDK's ahead-of-time cache. It writes its
# section of docs/benchmarks.md and prints the same. Knobs (see docs/benchmarks.md): BENCH_WARMUP_SECONDS (3),
# BENCH_WRITE_SECONDS (10), BENCH_CONCURRENCY (1,16,64), BENCH_SCENARIOS, BENCH_EVENT_SAMPLES (200),
# BENCH_EVENT_INTERVAL_MS (100), BENCH_BROKER_SAMPLES (2000), BENCH_UNDER_LOAD_CONCURRENCY (16), BENCH_FOOTPRINT (1),
# BENCH_AOT (1), BENCH_IDLE_SETTLE_SECONDS (10), BENCH_DATABASE (bench_writes), BENCH_OUTPUT, BENCH_SKIP_BUILD=1.
# Needs PostgreSQL with pg_dump and psql (the plain-JDBC copies) and RabbitMQ, as on the development machine.
set -euo pipefail
exec "$(dirname "$0")/bench-run.sh" bench-writes \
  services/dataset-search,services/roadmaps,services/commons-calls,services/exchanges,services/replication,services/gateway,e2e-tests/minimal-web-app,e2e-tests \
  fr.dataterritoires.bench.WritesBench "$@"
