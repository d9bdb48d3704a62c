#!/usr/bin/env bash
# Makes sure the Debian packages benchgate needs are installed.
#   scripts/deps.sh         to build and run benchgate itself (the `tool` preset, README#install)
#   scripts/deps.sh --test  also what the tests, the example suite, bench/ and the demo need
#                           (scripts/build.sh asks for it for every preset but `tool`)
#   scripts/deps.sh --list [--test]  prints the package names, one a line, and installs nothing
# As root it installs what is missing with apt-get; otherwise it prints the exact command and fails.
# Safe to run again (does nothing when done).
set -euo pipefail

# Building benchgate, and what it runs: git, perf for profiles (optional: without permission or
# perf the reports say why there are no profiles), CA certificates for the forges' HTTPS APIs.
RUNTIME_PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates
  libboost-math-dev nlohmann-json3-dev libgit2-dev libcpp-httplib-dev libssl-dev
  libcli11-dev libfmt-dev libtomlplusplus-dev libprotobuf-dev protobuf-compiler zlib1g-dev
  linux-perf
)
# Only for tests, the example suite, benchgate's own benchmarks and the demo.
TEST_PACKAGES=(
  libbenchmark-dev libgtest-dev libgmock-dev
  openssl                               # certificates of the fake forge servers
  python3 python3-scipy python3-yaml    # statistics oracle, CI YAML checks, architecture check
  valgrind chromium                     # memory checks; the flame graph page's script time
  golang-go  # test oracle only: real Go CPU profiles and `go tool pprof -diff_base` (pprof_tools_test)
)

packages=("${RUNTIME_PACKAGES[@]}")
list=false
for arg in "$@"; do
  case "$arg" in
    --test) packages+=("${TEST_PACKAGES[@]}") ;;
    --list) list=true ;;
    *) echo "usage: scripts/deps.sh [--list] [--test]" >&2; exit 2 ;;
  esac
done
if $list; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
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
