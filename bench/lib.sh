# Shared by the benchmark scripts (sourced, not run). Needs $repo (the repository root).

# Runs a Maven build quietly; shows its output only when it fails (then exits).
bench_mvn() {
  local log
  log="$(mktemp)"
  if ! (cd "$repo" && mvn -B -q -Dstyle.color=never "$@") >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "the build failed: mvn $*" >&2
    exit 1
  fi
  rm -f "$log"
}

# Sets $jar to the runnable wkmp-ai.jar, building it when missing or older than the sources (as ./wkmp-ai does).
bench_jar() {
  jar="$repo/ingest-server/target/wkmp-ai.jar"
  if [[ ! -f "$jar" || -n "$(find "$repo" -path "$repo/.git" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit)" ]]; then
    echo "building wkmp-ai.jar ..." >&2
    bench_mvn -DskipTests package -pl ingest-server -am
  fi
}

# Sets $cp to the test classpath of ingest-adapters (benchmark code, the testkit fakes), compiling it first.
bench_classpath() {
  bench_mvn -pl ingest-adapters -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
  cp="$repo/ingest-adapters/target/test-classes:$repo/ingest-adapters/target/classes:$(cat "$repo/ingest-adapters/target/bench.cp")"
}
