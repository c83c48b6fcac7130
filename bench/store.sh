#!/bin/sh
# Persistence benchmark: files/s committing synthetic file results, per-file transactions vs batches of 10.
# Usage: bench/store.sh [files per run, default 10000] [rounds, default 3]   (run from anywhere; builds, never installs)
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl ingest-adapters -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "ingest-adapters/target/test-classes:ingest-adapters/target/classes:$(cat ingest-adapters/target/bench.cp)" \
  io.wkmp.ingest.adapters.sqlite.StoreBenchmark "${1:-10000}" "${2:-3}"
