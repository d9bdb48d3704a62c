#!/usr/bin/env bash
# Makes sure the Debian packages benchgate needs are installed.
#   scripts/deps.sh          to build and run benchgate itself (the `tool` preset, README#install)
#   scripts/deps.sh --test   also what the tests, the example suite, bench/ and the demo need
#                            (scripts/build.sh asks for it for every preset but `tool`)
#   scripts/deps.sh --build  only what building the binary needs (the CI action and GitLab
#                            component): these packages exist on Debian 12 and later and on Ubuntu
#                            24.04 and later, so it checks the system first and stops at once,
#                            naming the image to use, elsewhere
#   scripts/deps.sh --package  the runtime set and dpkg-dev, which scripts/package.sh needs
#                            (dpkg-shlibdeps computes the package's Depends)
#   scripts/deps.sh --list [--test|--build|--package]  prints the package names, one a line, installs nothing
# As root it installs what is missing with apt-get; otherwise it prints the exact command and fails.
# Safe to run again (does nothing when done).
set -euo pipefail

# Building the benchgate binary (CMake with tests, benchmarks and examples off).
BUILD_PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates
  libboost-math-dev nlohmann-json3-dev libgit2-dev libcpp-httplib-dev libssl-dev
  libcli11-dev libfmt-dev libtomlplusplus-dev libprotobuf-dev protobuf-compiler zlib1g-dev
  libsimdjson-dev  # simdjson On-Demand: the JSON fast path of every result file (core/fast_json.h)
  libexpat1-dev    # expat: Catch2's XML results (runner/xml_elements.cpp)
  libjs-chart.js  # Chart.js, embedded in the binary for the history dashboard
  help2man        # the man pages, made from the binary's --help (packaging/man_pages.sh)
)
# What benchgate runs besides git: perf for profiles (optional: without permission or perf the
# reports say why there are no profiles). Debian's name; Ubuntu calls it linux-tools-*.
# libsimdjson14 is the shared library the binary loads (Debian 12's name; libsimdjson-dev pulls
# it in when building, this keeps it when the -dev packages are removed).
RUN_PACKAGES=(linux-perf libsimdjson14)
# Making the Debian package (scripts/package.sh, and the test of it).
PACKAGE_PACKAGES=(dpkg-dev)
# Only for tests, the example suite, benchgate's own benchmarks and the demo.
TEST_PACKAGES=(
  libbenchmark-dev libgtest-dev libgmock-dev
  catch2                                # the Catch2 example suite (examples/) and its test
  openssl                               # certificates of the fake forge servers
  python3 python3-scipy python3-yaml    # statistics oracle, CI YAML checks, architecture check
  valgrind chromium                     # memory checks; the flame graph page's script time
  golang-go  # test oracle only: real Go CPU profiles and `go tool pprof -diff_base` (pprof_tools_test)
  clang libclang-rt-14-dev  # the fuzz targets: clang's libFuzzer and sanitizer runtimes (scripts/fuzz.sh)
  shellcheck yamllint       # lint of the shipped shell scripts and CI YAML (tests/lint)
)

# Where --build cannot work, say so before anything is installed. The file is a parameter so that
# tests can describe another system.
os_release="${BENCHGATE_OS_RELEASE:-/etc/os-release}"
use_instead="run the job in a Debian 12 container (GitHub: \`container: debian:12\`; GitLab: \`image: debian:12\`)"

# A field of os-release (KEY=value or KEY="value"), or nothing.
os_field() {
  [ -r "$os_release" ] && sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$os_release" | head -n 1
}

# Whether version $1 (e.g. 24.04; empty on Debian testing) has a major number of at least $2.
at_least() {
  local major="${1%%.*}"
  [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge "$2" ]
}

check_build_system() {
  if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    echo "benchgate: this system has no apt-get/dpkg: benchgate builds from Debian or Ubuntu packages;" \
      "$use_instead" >&2
    exit 1
  fi
  local id version
  id=$(os_field ID || true)
  version=$(os_field VERSION_ID || true)
  case "$id" in
    debian) { [ -z "$version" ] || at_least "$version" 12; } && return 0 ;;  # testing/sid: no VERSION_ID
    ubuntu) at_least "$version" 24 && return 0 ;;
    *)
      echo "benchgate: warning: ${id:-this system} is neither Debian nor Ubuntu; trying the" \
        "Debian package names anyway" >&2
      return 0
      ;;
  esac
  echo "benchgate: $id ${version:-(no VERSION_ID)} is too old to build benchgate (it needs Debian 12" \
    "or Ubuntu 24.04, e.g. for libtomlplusplus-dev); $use_instead, or use an ubuntu-24.04 runner" >&2
  exit 1
}

set_name=runtime
list=false
for arg in "$@"; do
  case "$arg" in
    --test) set_name="test" ;;
    --build) set_name=build ;;
    --package) set_name=package ;;
    --list) list=true ;;
    *) echo "usage: scripts/deps.sh [--list] [--test|--build|--package]" >&2; exit 2 ;;
  esac
done
case "$set_name" in
  build) packages=("${BUILD_PACKAGES[@]}") ;;
  runtime) packages=("${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}") ;;
  package) packages=("${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}") ;;
  test) packages=("${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
    "${TEST_PACKAGES[@]}") ;;
esac
if $list; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi
[ "$set_name" = build ] && check_build_system

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
