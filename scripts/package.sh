#!/usr/bin/env bash
# Builds benchgate's Debian package and its runtime image (docs/install.md):
#   build/tool/packages/benchgate_<version>_<arch>.deb   CPack, Depends: from dpkg-shlibdeps
#   image benchgate:<version>                             packaging/Dockerfile, where a container
#                                                         engine runs (else skipped, reason printed)
# Usage: scripts/package.sh [--no-image]
# The package is a Release build of the `tool` preset with its man pages; it names the commit it
# was built from (`benchgate --version`), read from git, or from BENCHGATE_COMMIT in a tree
# without .git (a source archive).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image=true
for arg in "$@"; do
  case "$arg" in
    --no-image) image=false ;;
    *) echo "usage: scripts/package.sh [--no-image]" >&2; exit 2 ;;
  esac
done

"$root/scripts/deps.sh" --package
cd "$root"
cmake --preset tool -DBENCHGATE_COMMIT="${BENCHGATE_COMMIT:-}" >/dev/null
cmake --build --preset tool  # the binary and its man pages
cpack --config build/tool/CPackConfig.cmake -B build/tool/packages
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/tool/CMakeCache.txt)"
deb="build/tool/packages/benchgate_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "benchgate: cpack made no $deb" >&2; exit 3; }
echo "benchgate: package $deb"

if $image; then
  status=0
  packaging/build_image.sh "$deb" "benchgate:$version" || status=$?
  # 77: no container engine here; build_image.sh said why. The package stands on its own.
  [ "$status" -eq 0 ] || [ "$status" -eq 77 ] || exit "$status"
fi
