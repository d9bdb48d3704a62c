#pragma once
// A flag that takes a DURATION: parsed by core's parse_duration, so `--budget` and `--timeout`
// accept one syntax everywhere (90, 90s, 1.5m, 1h, 500ms, 1h30m).
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

// Adds `name` (one long flag, e.g. "--budget") taking a DURATION; `store` gets its seconds (>= 0,
// at most `max_seconds`). A malformed value is an InputError naming the flag and the accepted forms
// (exit 2).
CLI::Option* add_duration_option(CLI::App& app, const std::string& name,
                                 std::function<void(double)> store, const std::string& help,
                                 double max_seconds = 7 * 24 * 3600.0);

}  // namespace benchgate::cli
