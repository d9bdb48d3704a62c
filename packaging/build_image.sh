#!/usr/bin/env bash
# Builds the runtime image (packaging/Dockerfile) from a benchgate .deb and checks it: benchgate,
# perf and git run inside. Uses docker, else podman. Where neither has an engine to talk to, it
# prints why and exits 77 (skipped), so callers can tell "not built here" from "broken".
# Usage: packaging/build_image.sh DEB TAG
set -euo pipefail
deb="$(realpath "$1")"
tag="$2"
dockerfile="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/Dockerfile"

engine=""
reasons=()
for candidate in docker podman; do
  if ! command -v "$candidate" >/dev/null; then
    reasons+=("$candidate: not installed")
  elif ! why="$("$candidate" info 2>&1 >/dev/null)"; then
    reasons+=("$candidate: no engine ($(head -n 1 <<<"$why"))")
  else
    engine="$candidate"
    break
  fi
done
if [ -z "$engine" ]; then
  echo "benchgate: image not built: no container engine here (${reasons[*]})" >&2
  exit 77
fi

"$engine" build --file "$dockerfile" --build-arg "DEB=$(basename "$deb")" --tag "$tag" \
  "$(dirname "$deb")"
for check in "benchgate --version" "perf --version" "git --version"; do
  # shellcheck disable=SC2086  # the check is a command line
  "$engine" run --rm "$tag" $check
done
echo "benchgate: image $tag built with $engine"
