#!/bin/sh
# Import-engine benchmark: wall time with 1, 2, 4 workers against the fakes at the real rate limits,
# requests per service per file, wall / lower bound. See docs/benchmarks.md "Import engine".
# Usage: bench/engine.sh [work folder, default /tmp/wkmp-engine-bench] [single-song files, default 19]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o -pl ingest-adapters -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="ingest-adapters/target/test-classes:ingest-adapters/target/classes:$(cat ingest-adapters/target/cp.txt)"
exec java -cp "$CP" io.wkmp.ingest.adapters.bench.EngineBenchmark "$@"
