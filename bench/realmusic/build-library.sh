#!/usr/bin/env bash
# Builds the real-music library of bench/identify.sh and bench/import.sh (docs/benchmarks.md "Identification on
# real music"): recordings from the Debian packages wesnoth-1.16-music, warzone2100-music and singularity-music
# (fetched with apt-get download, cached; licences in OUT/copyright/) re-encoded into a messy library, with the
# fake catalogue that knows them and the ground truth:
#   OUT/library/          the audio files (~75 files, ~2 h)
#   OUT/catalogue.json    the fake MusicBrainz/AcoustID/AcousticBrainz world (testkit FakeCatalogJson)
#   OUT/manifest.json     per file: its case and expected passages (start/end s, recording MBID or "unidentifiable")
# Usage: bench/realmusic/build-library.sh [OUT]   (default $WKMP_BENCH_CACHE/realmusic, WKMP_BENCH_CACHE defaulting
# to ~/.cache/wkmp-bench). Re-running with unchanged builder sources reuses OUT as it is.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
cache="${WKMP_BENCH_CACHE:-$HOME/.cache/wkmp-bench}"
out="$(readlink -m "${1:-$cache/realmusic}")"
packages=(wesnoth-1.16-music warzone2100-music singularity-music)

"$repo/scripts/install-native.sh"

# what the library depends on: the builder's sources
stamp="$(cat "$repo"/ingest-adapters/src/test/java/io/wkmp/ingest/adapters/bench/realmusic/{RealMusicLibrary,Pcm,Manifest}.java \
  "$repo"/ingest-testkit/src/main/java/io/wkmp/ingest/testkit/fakes/FakeCatalogJson.java | sha256sum | cut -c1-16)"
if [[ -f "$out/manifest.json" && -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
  echo "real-music library up to date: $out" >&2
  exit 0
fi

# the packages, downloaded once
mkdir -p "$cache/debs"
for p in "${packages[@]}"; do
  if ! compgen -G "$cache/debs/${p}_*.deb" >/dev/null; then
    echo "downloading $p ..." >&2
    if ! (cd "$cache/debs" && apt-get download "$p" >&2); then
      [[ $(id -u) -eq 0 ]] || { echo "apt-get download $p failed; run apt-get update first" >&2; exit 1; }
      apt-get update -qq >&2
      (cd "$cache/debs" && apt-get download "$p" >&2)
    fi
  fi
done
src="$cache/extracted"
if [[ ! -f "$src/.done" ]]; then
  rm -rf "$src"
  mkdir -p "$src"
  for deb in "$cache"/debs/*.deb; do
    dpkg-deb -x "$deb" "$src"
  done
  touch "$src/.done"
fi

# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
bench_classpath

# OUT is rebuilt from scratch; refuse to wipe a folder that is not ours
if [[ -e "$out" && ! -f "$out/.realmusic" && -n "$(ls -A "$out" 2>/dev/null)" ]]; then
  echo "$out exists and is not a real-music library; choose another OUT" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
touch "$out/.realmusic"
java -Xmx3g -cp "$cp" io.wkmp.ingest.adapters.bench.realmusic.RealMusicLibrary "$src" "$out"
echo "$stamp" >"$out/.stamp"
echo "real-music library: $out" >&2
