#pragma once
// `--base 'CMD'` / `--head 'CMD'`: one string split into argv the way a POSIX shell splits a
// simple command — words separated by blanks, '...' taken literally, "..." with \" \\ \$ \`
// escapes, a backslash outside quotes escaping the next character. No expansion of variables,
// globs or ~, no operators: the result is run directly, not by a shell (docs/interleaved.md).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::cli {

// Throws InputError naming `flag` for an unterminated quote or an empty command.
std::vector<std::string> split_command_line(std::string_view text, std::string_view flag);

// `--rounds P|auto` (of `ab` and of the interleaved gate): P >= 1, or nothing for "auto"
// (adaptive rounds). InputError naming `flag` for anything else.
std::optional<int> parse_rounds(std::string_view text, std::string_view flag);

// `--budget DURATION` (of `ab` and of the interleaved gate): core/duration.h's syntax ("90s",
// "10m", "1h", "1h30m", plain seconds), positive. InputError naming `flag` for anything else.
std::chrono::duration<double> parse_budget(std::string_view text, std::string_view flag);

}  // namespace benchgate::cli
