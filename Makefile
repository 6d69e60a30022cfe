# data-territoires — the commands a developer and CI use.
# Every target selects a JDK 21+ (the default java on this kind of machine is 17).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# First JDK 21+ found: $JAVA_HOME if it qualifies, then Temurin/OpenJDK under /usr/lib/jvm.
JDK := $(shell scripts/find-jdk.sh 2>/dev/null)
ifeq ($(JDK),)
$(error No JDK 21 or newer found. Install one (e.g. Temurin 25) or set JAVA_HOME to it)
endif
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)

MVN := ./mvnw -B -ntp
ROLE ?= NATIONAL_COORDINATOR

.PHONY: help build test run e2e bench bench-search bench-writes charts contracts-release pacts screenshots token clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

build: ## compile and package every module, without tests
	$(MVN) -DskipTests install

test: ## every unit, integration, contract and architecture test, against real backends
	$(MVN) install

run: build ## start the backends and every service, print URLs and demo tokens (SEED=demo: a demo world)
	SEED=$(SEED) scripts/run-local.sh

e2e: ## the full project journey and the fault scenarios across the running suite (prints events sent/received/duplicated/lost)
	$(MVN) -q -DskipTests install
	$(MVN) -pl e2e-tests verify -Pe2e

bench: ## every benchmark in one build (25 minutes on a quiet 2-core machine; search over 100 000 datasets); figures go to docs/benchmarks.md
	$(MVN) -q -DskipTests install
	BENCH_SKIP_BUILD=1 BENCH_DATASETS=$${BENCH_DATASETS:-100000} BENCH_QUERY_SECONDS=$${BENCH_QUERY_SECONDS:-10} \
	  scripts/bench-search.sh
	BENCH_SKIP_BUILD=1 BENCH_WRITE_SECONDS=$${BENCH_WRITE_SECONDS:-6} BENCH_IDLE_SETTLE_SECONDS=$${BENCH_IDLE_SETTLE_SECONDS:-5} \
	  scripts/bench-writes.sh

bench-search: ## dataset-search: harvest/index and search vs raw Elasticsearch (BENCH_DATASETS=20000 for a short run)
	scripts/bench-search.sh

bench-writes: ## the suite: write paths vs plain JDBC, event propagation vs the broker, footprint vs minimal Spring Boot (BENCH_WRITE_SECONDS=5 for a short run)
	scripts/bench-writes.sh

charts: ## lint, render and strictly validate the Helm charts and deploy/ overlays, with fault injection (no cluster needed)
	$(MVN) -pl chart-checks test

screenshots: ## refresh docs/screenshots from the portal's browser journeys (Chromium; make test keeps them under target/)
	$(MVN) -q -pl services/portal -am install -DskipTests
	$(MVN) -pl services/portal test -Dtest='*JourneyTest,*JourneysTest' -Dsurefire.failIfNoSpecifiedTests=false -Dportal.screenshots=$(CURDIR)/docs/screenshots

contracts-release: ## record the current gRPC contracts as the released descriptor set that later changes must stay wire compatible with
	$(MVN) -pl libs/contracts test -Dtest=GrpcWireCompatibilityTest -Dcontracts.release=true

pacts: build ## regenerate the committed pacts (libs/contracts/pacts: messages, the portal's HTTP pacts) from the consumers' pact tests, to review and commit
	$(MVN) -pl services/dataset-search,services/roadmaps,services/replication,services/portal test -Dtest='*PactTest' \
	  -Dsurefire.failIfNoSpecifiedTests=false -Dpact.update=true

token: ## mint a development token: make token ROLE=FUNDER SIREN=130005481 [REGION=84] [MINISTRY=...]
	@$(MVN) -q -pl libs/platform -am -DskipTests install >/dev/null
	@$(JDK)/bin/java -cp "$$(cat libs/platform/target/classpath.txt):libs/platform/target/classes" \
	  fr.dataterritoires.platform.security.dev.DevTokenCli \
	  --role=$(ROLE) $(if $(SIREN),--siren=$(SIREN)) $(if $(REGION),--region=$(REGION)) \
	  $(if $(MINISTRY),--ministry=$(MINISTRY)) $(if $(SUBJECT),--subject=$(SUBJECT)) $(if $(TTL),--ttl=$(TTL))

clean: ## remove build output
	$(MVN) -q clean
