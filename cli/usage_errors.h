#pragma once
// benchgate's own words for a command line that CLI11 refused. CLI11 reports what was left over
// ("The following arguments were not expected: 5% --treshold") or what it missed ("A subcommand
// is required"), which often points at the wrong word. Walking the command line against the
// tree of subcommands finds the word that is wrong, the (sub)command it was given to, and the
// nearest word that command knows (docs/usage.md#mistyped-options-and-commands).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

// The complete message for `error`, raised while `root` parsed `args` (argv without the program
// name): "benchgate: error: gate: unknown option --treshold (did you mean --threshold?)" and a
// line naming the --help to read, each ending in a newline.
std::string explain_parse_error(const CLI::App& root, const std::vector<std::string>& args,
                                const CLI::ParseError& error);

}  // namespace benchgate::cli
