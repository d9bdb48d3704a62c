#pragma once
// How a suite is run and its results read: the `format` of a [[suite]] in benchgate.toml and
// `benchgate run --format`. Parsed once, where the text is read; everything after compares the
// type.
#include <optional>
#include <string_view>

namespace benchgate::runner {

enum class SuiteFormat {
  kAuto,     // detected from the binary (resolve_suite_format, runner/run_suites.h)
  kGbench,   // a Google Benchmark binary: --benchmark_format=json, repetitions per process
  kCatch2,   // a Catch2 test binary: --reporter xml (runner/suite_catch2.h)
  kLines,    // a command printing result lines (runner/lines_format.h)
  kCommand,  // any command, timed as a whole
};

// "auto", "gbench", "catch2", "lines", "command".
std::string_view to_string(SuiteFormat format);

// The format a word names, or nothing.
std::optional<SuiteFormat> parse_suite_format(std::string_view word);

// For messages: "auto, gbench, catch2, lines or command".
inline constexpr std::string_view kSuiteFormatChoices = "auto, gbench, catch2, lines or command";

}  // namespace benchgate::runner
