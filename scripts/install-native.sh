#!/usr/bin/env bash
# Installs the Debian packages wkmp-ai needs, only those missing.
#   scripts/install-native.sh            ffmpeg (+ffprobe), libchromaprint1, fpcalc
#   scripts/install-native.sh --tests    the same plus what the tests use: sox, chromium, chromium-driver
#   scripts/install-native.sh --bench    the same plus what the benchmarks use: time (/usr/bin/time -v)
# As root it runs apt-get; otherwise it prints the exact command and exits 1.
set -euo pipefail

packages=(ffmpeg libchromaprint1 libchromaprint-tools)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(sox chromium chromium-driver)
elif [[ "${1:-}" == "--bench" ]]; then
  packages+=(time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "wkmp-ai needs these packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
