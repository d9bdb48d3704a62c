#!/usr/bin/env bash
# Makes sure every Debian package benchgate needs to build, test and run is installed.
# As root it installs what is missing with apt-get; otherwise it prints the exact command and fails.
# Sourced or run by scripts/demo.sh and scripts/test.sh; safe to run again (does nothing when done).
set -euo pipefail

BENCHGATE_PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates openssl
  libbenchmark-dev libgtest-dev libgmock-dev
  libboost-math-dev nlohmann-json3-dev libgit2-dev libcpp-httplib-dev libssl-dev
  libcli11-dev libfmt-dev libtomlplusplus-dev libprotobuf-dev protobuf-compiler zlib1g-dev
  python3 python3-scipy python3-yaml linux-perf valgrind chromium
  golang-go  # test oracle only: real Go CPU profiles and `go tool pprof -diff_base` (pprof_tools_test)
)

missing=()
for package in "${BENCHGATE_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "benchgate: missing Debian packages: ${missing[*]}" >&2
  echo "benchgate: install them with:" >&2
  echo "  sudo apt-get update && sudo $command" >&2
  exit 1
fi
echo "benchgate: installing missing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
$command >&2
