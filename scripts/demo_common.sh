# shellcheck shell=bash
# What the demos share (sourced by scripts/demo.sh and scripts/demo_history.sh, after they set
# $root, the source tree, and $out, the folder they keep for inspection).
# shellcheck disable=SC2154  # $root and $out are the sourcing demo's

step() { printf '\n== %s\n' "$*"; }
git_() { git -c user.name="benchgate demo" -c user.email="demo@benchgate.invalid" "$@"; }

# Builds benchgate ($benchgate), then makes $out/repo ($repo) afresh, a git repository on `main`
# with the example suite (bench/example_bench.cpp) and a CMakeLists.txt that builds it, and
# enters it. $1 is added to the line that says so.
demo_repository() {
  "$root/scripts/build.sh" default --target benchgate
  # shellcheck disable=SC2034  # the demo runs it
  benchgate="$root/build/default/cli/benchgate"
  rm -rf "$out"
  repo="$out/repo"
  mkdir -p "$repo"
  cd "$repo" || return
  step "Creating a git repository with the example suite in $repo${1:-}"
  git init -q -b main
  mkdir -p bench
  # The suite and the input data it shares with the Catch2 example.
  cp "$root/examples/suite/example_bench.cpp" "$root/examples/suite/random_numbers.h" bench/
  cat > CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(demo CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(benchmark REQUIRED)
add_executable(example_bench bench/example_bench.cpp)
target_link_libraries(example_bench PRIVATE benchmark::benchmark)
target_compile_options(example_bench PRIVATE -O2 -fno-omit-frame-pointer)
CMAKE
}
