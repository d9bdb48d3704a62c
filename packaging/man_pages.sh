#!/usr/bin/env bash
# Writes benchgate's man pages from its own --help texts with help2man, so they cannot drift from
# the binary: benchgate.1 and one page per subcommand, git-style (benchgate-baseline-find.1 for
# `benchgate baseline find`), gzipped as Debian installs them. Subcommands are found by walking
# the "Subcommands:" section of each help text, so a new subcommand gets its page without an
# edit here. Run by the build (packaging/CMakeLists.txt).
# Usage: packaging/man_pages.sh BENCHGATE OUTPUT_DIR
set -euo pipefail
benchgate="$1"
out="$2"
version="$("$benchgate" --version)"
rm -rf "$out"
mkdir -p "$out"

# The subcommand names a --help text lists: its "Subcommands:" section, up to the first blank line;
# a name is indented by two spaces, its description's continuation lines by more.
subcommands_of() {
  sed -n '/^Subcommands:$/,/^$/ s/^  \([a-z][a-z0-9-]*\)\( .*\)\{0,1\}$/\1/p'
}

# NAME line of a subcommand's page: the first sentence of its help, lower-cased as man pages are.
summary_of() {
  local first
  first="$(head -n 1 | sed 's/\. .*//; s/\.$//')"
  printf '%s' "${first,}"
}

see_also=()
# page WORDS...: the man page of `benchgate WORDS... --help`, then those of its subcommands.
page() {
  local help name summary include
  help="$("$benchgate" "$@" --help)"
  name="benchgate${*:+ $*}"
  name="${name// /-}"
  if [ $# -eq 0 ]; then
    summary="stop pull requests from making code slower, and prove it"
  else
    summary="$(summary_of <<<"$help")"
    see_also+=("$name")
  fi
  include="$out/$name.h2m"
  printf '[SEE ALSO]\nbenchgate(1); the guides in docs/ of the benchgate sources.\n' >"$include"
  # help2man runs "PROGRAM HELP-OPTION" through the shell, so the subcommand words go into the
  # option; --version-string makes the page's name benchgate-<words>.
  help2man --no-info --section=1 --name="$summary" --include="$include" \
    --help-option="$* --help" --version-string="$name ${version#benchgate }" \
    --output="$out/$name.1" "$benchgate"
  rm "$include"
  local sub
  for sub in $(subcommands_of <<<"$help"); do
    page "$@" "$sub"
  done
}
page

# The main page names every subcommand's page: rewrite it with that list.
{
  printf '[SEE ALSO]\n'
  for name in "${see_also[@]}"; do printf '.BR %s (1),\n' "$name"; done
  printf 'and the guides in docs/ of the benchgate sources.\n'
} >"$out/benchgate.h2m"
help2man --no-info --section=1 --name="stop pull requests from making code slower, and prove it" \
  --include="$out/benchgate.h2m" --output="$out/benchgate.1" "$benchgate"
rm "$out/benchgate.h2m"
gzip -9n "$out"/*.1
