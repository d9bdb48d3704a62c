#!/usr/bin/env bash
# scripts/deps.sh: the default set builds and runs benchgate and holds none of the test-only
# packages; --test adds them (README#install). Usage: deps_split_test.sh SOURCE_DIR
set -euo pipefail
deps="$1/scripts/deps.sh"
runtime="$("$deps" --list)"
everything="$("$deps" --list --test)"
status=0
for package in g++ cmake libgit2-dev libcli11-dev libsimdjson-dev git ca-certificates linux-perf \
  libsimdjson14 help2man; do
  grep -qx -- "$package" <<<"$runtime" || { echo "runtime set lacks $package"; status=1; }
done
for package in chromium golang-go valgrind python3-scipy libgtest-dev libbenchmark-dev catch2 clang \
  libclang-rt-14-dev shellcheck yamllint; do
  if grep -qx -- "$package" <<<"$runtime"; then echo "runtime set has test-only $package"; status=1; fi
  grep -qx -- "$package" <<<"$everything" || { echo "--test set lacks $package"; status=1; }
done
# scripts/package.sh: the runtime set plus dpkg-shlibdeps (dpkg-dev), nothing test-only.
package_set="$("$deps" --list --package)"
for package in dpkg-dev $runtime; do
  grep -qx -- "$package" <<<"$package_set" || { echo "--package set lacks $package"; status=1; }
done
grep -qx -- dpkg-dev <<<"$everything" || { echo "--test set lacks dpkg-dev (the package test)"; status=1; }
if grep -qx -- chromium <<<"$package_set"; then echo "--package set has test-only chromium"; status=1; fi
if "$deps" --bogus 2>/dev/null; then echo "an unknown option was accepted"; status=1; fi
[ "$status" -eq 0 ] && echo "deps.sh: runtime and test sets apart"
exit "$status"
