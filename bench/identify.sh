#!/usr/bin/env bash
# Identification on real music (docs/benchmarks.md): imports the real-music library as a user does
# (java -jar wkmp-ai.jar import ... against the fake AcoustID/MusicBrainz/AcousticBrainz/Cover Art servers, run
# from their own process at the services' real rate limits), then scores wkmp.db against the library's manifest:
# right/wrong/review/reject/pending per passage, boundary errors, requests per service, per case.
# Usage: bench/identify.sh [LIBRARY] [WORK]
#   LIBRARY  built by bench/realmusic/build-library.sh (default $WKMP_BENCH_CACHE/realmusic, cached)
#   WORK     scratch folder for the import root (default /tmp/wkmp-identify-bench; each run uses a fresh root)
# Extra import options can be passed in WKMP_IMPORT_ARGS (e.g. "--workers 1"), JVM options in WKMP_JAVA_OPTS.
# Always exits 0: it measures. Read what it prints.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cache="${WKMP_BENCH_CACHE:-$HOME/.cache/wkmp-bench}"
lib="$(readlink -m "${1:-$cache/realmusic}")"
work="$(readlink -m "${2:-/tmp/wkmp-identify-bench}")"

"$repo/bench/realmusic/build-library.sh" "$lib"
cd "$repo"

# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
bench_jar
bench_classpath
# the JVM options users get from ./wkmp-ai (scripts/java-options, the class-data archive), or WKMP_JAVA_OPTS
bench_java_opts "$lib/library"
mkdir -p "$work"
root="$(mktemp -d "$work/root-XXXXXX")"
# the library inside the root (hard links when possible: the import only reads the audio)
cp -al "$lib/library" "$root/music" 2>/dev/null || cp -a "$lib/library" "$root/music"

fakes_pid=""
stop_fakes() {
  if [[ -n "$fakes_pid" ]] && kill -0 "$fakes_pid" 2>/dev/null; then
    kill -TERM "$fakes_pid"
    wait "$fakes_pid" || true
  fi
  fakes_pid=""
}
trap stop_fakes EXIT
java -cp "$cp" io.wkmp.ingest.testkit.fakes.FakeServicesMain --catalogue "$lib/catalogue.json" \
  --urls-out "$root/fakes.urls" --report-out "$root/requests.json" 2>"$root/fakes.log" &
fakes_pid=$!
for _ in $(seq 1 600); do
  [[ -f "$root/fakes.urls" ]] && break
  kill -0 "$fakes_pid" 2>/dev/null || { cat "$root/fakes.log" >&2; echo "the fake services did not start" >&2; exit 0; }
  sleep 0.2
done
url() { sed -n "s/^$1=//p" "$root/fakes.urls"; }

echo "importing $(find "$root/music" -type f | wc -l) files into $root ..." >&2
start=$(date +%s%N)
set +e
# shellcheck disable=SC2086 # WKMP_IMPORT_ARGS is a word list
WKMP_ACOUSTID_API_KEY="$(url acoustid_key)" java "${java_opts[@]}" -jar "$jar" import "$root/music" --root "$root" \
  --acoustid-url "$(url acoustid)" --musicbrainz-url "$(url musicbrainz)" \
  --acousticbrainz-url "$(url acousticbrainz)" --coverart-url "$(url coverart)" --no-progress ${WKMP_IMPORT_ARGS:-} \
  >"$root/import.out" 2>"$root/import.err"
rc=$?
set -e
end=$(date +%s%N)
stop_fakes

echo "# bench/identify.sh: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "library: $lib"
echo "import: exit code $rc, wall $(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }") s (root $root; output in import.out/import.err)"
sed -n '/^Import /,/^$/p' "$root/import.out" | sed 's/^/    /'
if [[ ! -f "$root/wkmp.db" ]]; then
  echo "no wkmp.db was written; import.err:"
  tail -20 "$root/import.err"
  exit 0
fi
echo
java -cp "$cp" io.wkmp.ingest.adapters.bench.realmusic.IdentifyEvaluation \
  "$lib/manifest.json" "$root/wkmp.db" "$root/requests.json" || echo "the evaluation failed (above)"
exit 0
