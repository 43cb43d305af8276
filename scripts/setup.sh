#!/usr/bin/env bash
# Installs the Debian packages circa needs to build, test and benchmark,
# skipping what is already there. Runs apt-get update first when anything is
# missing. Usage: scripts/setup.sh
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libeigen3-dev libyaml-cpp-dev libyaml-dev libspdlog-dev libfmt-dev libcli11-dev
  nlohmann-json3-dev libssl-dev libpugixml-dev libzip-dev libicu-dev icu-devtools
  libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format libclang-rt-14-dev
  libxlsxwriter-dev
  chromium libreoffice-calc-nogui fonts-dejavu-core python3-openpyxl python3-numpy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
