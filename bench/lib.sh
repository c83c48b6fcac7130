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

# Sets the array $java_opts to the JVM options the launcher runs $jar with (scripts/java-cds.sh), writing the jar's
# class-data archive first when it is missing or older than the jar: one import, not measured, of one file of each
# kind (name extension) found in folder $1, so the measured runs start as a user's second import does.
bench_java_opts() {
  # shellcheck source=scripts/java-cds.sh
  . "$repo/scripts/java-cds.sh"
  java_opts "$jar" import
  if [[ -n "$cds_dump" ]]; then
    local train
    train="$(mktemp -d)"
    mkdir "$train/music"
    local f e n=0
    declare -A seen=()
    while IFS= read -r -d '' f; do
      e="${f##*.}"
      e="${e,,}"
      if [[ -z "${seen[$e]:-}" ]]; then
        seen[$e]=1
        n=$((n + 1))
        cp "$f" "$train/music/$n-${f##*/}"
      fi
    done < <(find "$1" -type f -print0 | sort -z)
    echo "writing the class-data archive (one import of $n files) ..." >&2
    java "${java_opts[@]}" -jar "$jar" import "$train/music" --root "$train" --offline --no-progress --json >/dev/null 2>&1 || true
    cds_done
    rm -rf "$train"
  fi
  java_opts "$jar"
}
