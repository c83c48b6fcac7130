#!/usr/bin/env bash
# Whole-import benchmark (docs/benchmarks.md "Whole import"): the offline import as a user runs it,
#   java -jar wkmp-ai.jar import DIR --root R --offline --workers 1     and with the default workers,
# each into a fresh root, beside ffmpeg -f null (decode only), sha256sum and fpcalc -raw -length 0 over the same
# files; alternating repetitions, medians. CPU is user+sys of the command and every child it waited for (ffmpeg
# children of the JVM included), from /usr/bin/time -v; peak RSS is the largest single process (the JVM).
# Usage: bench/import.sh [DIR] [REPETITIONS]
#   DIR          default: the real-music library (bench/realmusic/build-library.sh, built and cached)
#   REPETITIONS  default 3
#        bench/import.sh --profile [DIR]
#   one offline import with 1 worker under Java Flight Recorder, and a table of where its CPU goes (child
#   processes by command, JIT, GC, and the Java threads by pipeline stage: ImportProfile)
# Scratch roots go to $WKMP_BENCH_WORK (default /tmp/wkmp-import-bench). JVM options for the imports (e.g. a
# Flight Recorder) in WKMP_JAVA_OPTS; without it the launcher's, scripts/java-options and the jar's class-data
# archive (scripts/java-cds.sh; written first when missing, by an import that is not measured).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cache="${WKMP_BENCH_CACHE:-$HOME/.cache/wkmp-bench}"
profile=""
if [[ "${1:-}" == "--profile" ]]; then
  profile=yes
  shift
fi
if [[ -n "${1:-}" ]]; then
  dir="$(readlink -m "$1")"
else
  "$repo/bench/realmusic/build-library.sh" "$cache/realmusic"
  dir="$cache/realmusic/library"
fi
reps="${2:-3}"
work="$(readlink -m "${WKMP_BENCH_WORK:-/tmp/wkmp-import-bench}")"
[[ -d "$dir" ]] || { echo "no such folder: $dir" >&2; exit 2; }
"$repo/scripts/install-native.sh" --bench

# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
bench_jar
bench_java_opts "$dir"
if [[ -n "$profile" ]]; then
  bench_classpath
  echo "# bench/import.sh --profile: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo
  WKMP_JAVA_OPTS="${java_opts[*]}" java -cp "$cp" io.wkmp.ingest.adapters.bench.ImportProfile "$jar" "$dir" "$work/profile"
  exit 0
fi

mkdir -p "$work"
list="$work/files.list"
find "$dir" -type f -print0 | sort -z >"$list"
nfiles=$(tr -cd '\0' <"$list" | wc -c)
audio=$(xargs -0 -n1 ffprobe -v error -show_entries format=duration -of csv=p=0 <"$list" | awk '{ s += $1 } END { printf "%.0f", s }')
bytes=$(xargs -0 du -cb <"$list" | tail -1 | cut -f1)
xargs -0 cat <"$list" >/dev/null # page cache warm for every command alike

# run NAME COMMAND...: one measured run; appends "NAME cpu wall rss_mb exit" to $results
results="$work/results.txt"
: >"$results"
run() {
  local name="$1"
  shift
  local t="$work/time.txt" t0 t1 rc
  t0=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$t" "$@" >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
  set -e
  t1=$(date +%s%N)
  awk -v name="$name" -v wall="$(( (t1 - t0) / 1000000 ))" -v rc="$rc" '
    /User time \(seconds\)/ { u = $NF } /System time \(seconds\)/ { s = $NF }
    /Maximum resident set size/ { r = $NF }
    END { printf "%s %.2f %.2f %.1f %d\n", name, u + s, wall / 1000, r / 1024, rc }' "$t" >>"$results"
}
import() {
  local name="$1"
  shift
  local root
  root="$(mktemp -d "$work/root-XXXXXX")"
  cp -al "$dir" "$root/music" 2>/dev/null || cp -a "$dir" "$root/music"
  run "$name" java "${java_opts[@]}" -jar "$jar" import "$root/music" --root "$root" --offline --no-progress --json "$@"
  grep -o '"passages_created":[0-9]*' "$work/$name.out" | cut -d: -f2 >"$work/$name.passages" || true
  rm -rf "$root"
}
baselines() {
  run ffmpeg xargs -0 -a "$list" -I{} ffmpeg -nostdin -v error -i {} -f null -
  run sha256sum xargs -0 -a "$list" sha256sum
  # (fpcalc 1.5.1 ends -length 0 with exit code 3, "Error decoding audio frame (End of file)", after the whole
  # fingerprint: the run's exit code is not looked at)
  run fpcalc xargs -0 -a "$list" -I{} fpcalc -raw -length 0 {}
}

echo "$nfiles files, $(awk -v a="$audio" 'BEGIN { printf "%.1f", a / 60 }') min of audio, $((bytes / 1048576)) MB; $reps repetitions, alternating" >&2
for ((i = 1; i <= reps; i++)); do
  echo "repetition $i/$reps ..." >&2
  if ((i % 2)); then
    import import-1w --workers 1
    import import-default
    baselines
  else
    baselines
    import import-default
    import import-1w --workers 1
  fi
done

median() { # median of field $2 for name $1
  awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$results" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
all() { awk -v n="$1" -v f="$2" '$1 == n { printf "%s%s", sep, $f; sep = ", " }' "$results"; }

workers=$(( $(nproc) < 2 ? 2 : ($(nproc) > 8 ? 8 : $(nproc)) ))
echo "# bench/import.sh: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, java ${java_opts[*]}"
echo
echo "$dir: $nfiles files, $(awk -v a="$audio" 'BEGIN { printf "%.1f", a / 60 }') min of audio, $((bytes / 1048576)) MB"
echo
echo "| command | CPU s (user+sys, children included) | wall s | peak RSS MB | runs (CPU s) |"
echo "|---|---|---|---|---|"
for n in ffmpeg sha256sum fpcalc import-1w import-default; do
  case $n in
    ffmpeg) label='`ffmpeg -i F -f null -`, every file' ;;
    sha256sum) label='`sha256sum`, every file' ;;
    fpcalc) label='`fpcalc -raw -length 0 F`, every file' ;;
    import-1w) label='`wkmp-ai import --offline --workers 1`' ;;
    import-default) label="\`wkmp-ai import --offline\` (default workers: $workers)" ;;
  esac
  echo "| $label | $(median $n 2) | $(median $n 3) | $(median $n 4) | $(all $n 2) |"
done
echo
base=$(awk -v a="$(median ffmpeg 2)" -v b="$(median sha256sum 2)" 'BEGIN { print a + b }')
awk -v i1="$(median import-1w 2)" -v id="$(median import-default 2)" -v base="$base" \
  -v w1="$(median import-1w 3)" -v wd="$(median import-default 3)" -v audio="$audio" -v dec="$(median ffmpeg 2)" '
  BEGIN {
    printf "import CPU / (ffmpeg decode + sha256) CPU: %.2f (1 worker), %.2f (default workers)   [issue 12 goal <= 1.5]\n", i1 / base, id / base
    printf "wall (default workers) / wall (1 worker): %.2f   [goal <= 0.6]\n", wd / w1
    printf "audio seconds per CPU second: import %.0f (1 worker), ffmpeg decode alone %.0f\n", audio / i1, audio / dec
  }'
echo "peak RSS: $(median import-1w 4) MB (1 worker), $(median import-default 4) MB (default workers)   [goal <= 256 MB]"
echo "exit codes: import-1w $(all import-1w 5); import-default $(all import-default 5); passages written: $(cat "$work/import-1w.passages" 2>/dev/null)"
exit 0
