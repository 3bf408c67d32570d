# AnkiRAG. The two commands a new machine needs:
#   make run    infrastructure (PostgreSQL+pgvector, Redis) if missing, build, server on :8000
#   make test   infrastructure if missing, then every test (unit, architecture, integration)
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

MVN ?= mvn -B -ntp
JAR := bootstrap/target/ankirag.jar
# Netty (under Redis' Lettuce client) still uses sun.misc.Unsafe; JDK 25 would warn about it on every start.
# sqlite-jdbc and zstd-jni (the .apkg reader) load native libraries, which JDK 24+ warns about unless allowed.
JAVA_OPTS ?= --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED

.PHONY: help run test build replay bench bench-rag infra-up infra-down infra-status clean

help:
	@echo "make run      start PostgreSQL+pgvector and Redis if needed, build, serve on http://localhost:8000"
	@echo "make test     start the infrastructure if needed and run all tests"
	@echo "make build    build the jar without tests ($(JAR))"
	@echo "make replay   rebuild every read model from the event store (stop the server first)"
	@echo "make bench    measure command throughput, replay rate and card-list latency (not part of the tests)"
	@echo "make bench-rag  search index at 100k cards: indexing vs raw model throughput, HNSW recall, search latency"
	@echo "make infra-up | infra-down | infra-status"

run: infra-up build
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	SPRING_PROFILES_ACTIVE=$${SPRING_PROFILES_ACTIVE:-dev} exec java $(JAVA_OPTS) -jar $(JAR)

test: infra-up
	$(MVN) verify

build:
	$(MVN) -DskipTests package

replay: infra-up build
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	SPRING_PROFILES_ACTIVE=$${SPRING_PROFILES_ACTIVE:-dev} java $(JAVA_OPTS) -jar $(JAR) --replay --server.port=0

# On a database of its own (created by scripts/infra.sh), wiped first; 100k cards by default.
BENCH_CARDS ?= 100000
bench: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=CoreBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.cards=$(BENCH_CARDS)

# The search index on the same database: BENCH_RAG_CARDS cards, the first BENCH_RAG_PIPELINE_CARDS of them (all by
# default) embedded through the pipeline and timed, the rest given vectors near real ones to reach the size sooner.
BENCH_RAG_CARDS ?= 100000
BENCH_RAG_PIPELINE_CARDS ?= $(BENCH_RAG_CARDS)
bench-rag: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=RagBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.rag.cards=$(BENCH_RAG_CARDS) \
	  -Dbench.rag.pipeline-cards=$(BENCH_RAG_PIPELINE_CARDS)

infra-up:
	scripts/infra.sh up

infra-down:
	scripts/infra.sh down

infra-status:
	scripts/infra.sh status

clean:
	$(MVN) clean
