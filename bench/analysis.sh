#!/bin/sh
# Audio-analysis benchmark: pipeline CPU vs ffmpeg -f null + fpcalc, peak RSS. See docs/benchmarks.md.
# Usage: bench/analysis.sh [--synth] DIR   (--synth first writes a 10-min and a 60-min FLAC into DIR)
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o -pl ingest-adapters -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="ingest-adapters/target/test-classes:ingest-adapters/target/classes:$(cat ingest-adapters/target/cp.txt)"
mkdir -p "${2:-$1}"
exec java -cp "$CP" io.wkmp.ingest.adapters.bench.AnalysisBenchmark "$@"
