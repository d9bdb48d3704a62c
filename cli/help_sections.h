#pragma once
// The sections that close a subcommand's --help, written the same way for every subcommand so
// that readers find them in one place and help2man (which turns each --help into a man page)
// reads them as sections: a header at column 0, "Exit codes:" then "Examples:", each line
// indented two spaces, no tabs. Every subcommand has examples; a test runs every --help and
// checks each example's options against that subcommand's (tests/cli/help_examples_test.cpp).
#include <initializer_list>
#include <string_view>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

struct Example {
  std::string_view command;  // a whole invocation: "benchgate SUBCOMMAND ..."
  std::string_view meaning;  // what it does, printed under it as a "# ..." comment
};

// Sets `cmd`'s footer: the "Exit codes:" section when `exit_codes` is not empty (its lines as
// given, without the header), then the "Examples:" section.
void set_help_sections(CLI::App& cmd, std::initializer_list<Example> examples,
                       std::string_view exit_codes = {});

}  // namespace benchgate::cli
