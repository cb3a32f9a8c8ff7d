#!/usr/bin/env bash
# Installs byline's build dependencies (Debian packages) and builds it in
# build/ (Release). Idempotent: packages already present are not reinstalled,
# and the build is incremental. Usage: scripts/setup.sh [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev libgumbo-dev libfmt-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev catch2
  zlib1g-dev libzstd-dev libbrotli-dev libuchardet-dev libstemmer-dev libcpp-httplib-dev
  python3 zstd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build
