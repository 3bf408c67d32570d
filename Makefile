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

.PHONY: help run test build replay bench bench-import bench-sync bench-rag bench-ui bench-rag-quality bench-generation infra-up infra-down infra-status clean

help:
	@echo "make run      start PostgreSQL+pgvector and Redis if needed, build, serve on http://localhost:8000"
	@echo "make test     start the infrastructure if needed and run all tests"
	@echo "make build    build the jar without tests ($(JAR))"
	@echo "make replay   rebuild every read model from the event store (stop the server first)"
	@echo "make bench    measure command throughput, replay rate and card-list latency (not part of the tests)"
	@echo "make bench-ui measure the web UI: bundle size, card-list time to interactive and scrolling at 10k cards"
	@echo "make bench-rag-quality   recall@10/MRR of search and precision/recall of duplicates on a labelled set"
	@echo "make bench-generation  the generation pipeline's overhead and time to first card (not part of the tests)"
	@echo "make bench-import  measure importing a generated 20,000-note .apkg with media (not part of the tests)"
	@echo "make bench-rag  search index at 100k cards: indexing vs raw model throughput, HNSW recall, search latency"
	@echo "make infra-up | infra-down | infra-status"

run: infra-up build
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	SPRING_PROFILES_ACTIVE=$${SPRING_PROFILES_ACTIVE:-dev} exec java $(JAVA_OPTS) -jar $(JAR)

# The integration tests also run the real Anki (PyPI) and two other package writers: python3-venv, node, npm.
test:
	scripts/infra.sh up --for-tests
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

# The web UI in headless Chromium, on the benchmark database (wiped first): bundle size, time to interactive of
# the card list with BENCH_UI_CARDS cards, long tasks while scrolling through all of them.
BENCH_UI_CARDS ?= 10000
bench-ui: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=UiBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.ui.cards=$(BENCH_UI_CARDS)

# Search and duplicate quality on the labelled set in bootstrap/src/test/resources/rag-quality, with the
# configured embedding model (EMBEDDING_* as for the server); on the bench database, wiped first.
bench-rag-quality: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=RagQualityBenchmark -Dfailsafe.failIfNoSpecifiedTests=false

# The generation pipeline with a model that answers after a fixed delay; prints overhead per job and time to first card.
bench-generation: infra-up
	DB_TEST_NAME=$${DB_TEST_NAME:-$${DB_NAME:-ankirag}_bench} $(MVN) -q -pl bootstrap -am verify -Dtest=none \
	  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GenerationBenchmark -Dfailsafe.failIfNoSpecifiedTests=false

# Import of a generated package (20k notes with media by default), on the same database of its own.
BENCH_IMPORT_NOTES ?= 20000
bench-import: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=ImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.import.notes=$(BENCH_IMPORT_NOTES)

# The search index on the same database: BENCH_RAG_CARDS cards, the first BENCH_RAG_PIPELINE_CARDS of them (all by
# default) embedded through the pipeline and timed, the rest given vectors near real ones to reach the size sooner.
BENCH_RAG_CARDS ?= 100000
BENCH_RAG_PIPELINE_CARDS ?= $(BENCH_RAG_CARDS)
bench-rag: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=RagBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.rag.cards=$(BENCH_RAG_CARDS) \
	  -Dbench.rag.pipeline-cards=$(BENCH_RAG_PIPELINE_CARDS)

# A push of BENCH_SYNC_NOTES new notes (500 media files per 5,000) to the AnkiConnect peer on the real Anki
# collection library, against one addNote request per note; on the same database of its own.
BENCH_SYNC_NOTES ?= 5000
bench-sync: infra-up
	DB_TEST_NAME=$${DB_NAME:-ankirag}_bench $(MVN) -q -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=SyncBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.sync.notes=$(BENCH_SYNC_NOTES)

infra-up:
	scripts/infra.sh up

infra-down:
	scripts/infra.sh down

infra-status:
	scripts/infra.sh status

clean:
	$(MVN) clean
