#!/bin/sh
# Runs the embedding example (ingest-adapters/src/test/java/io/wkmp/ingest/adapters/example/EmbeddingExample.java).
# Usage: scripts/run-example.sh ROOT [FOLDER] [--offline]      See docs/embedding.md.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl ingest-adapters -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="ingest-adapters/target/test-classes:ingest-adapters/target/classes:$(cat ingest-adapters/target/cp.txt)"
exec java -cp "$CP" io.wkmp.ingest.adapters.example.EmbeddingExample "$@"
