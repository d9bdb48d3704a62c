#pragma once
// `--colour-by self|total`: which share's change colours a differential flame graph and ranks
// its top-N table (docs/profiles.md#colour-legend-and-hover). `flamegraph diff` takes it, and
// `gate` as --profile-colour-by; the value becomes the type at parse time, so nothing downstream
// compares strings.
#include <string>

#include <CLI/CLI.hpp>

#include "profile/function_shares.h"

namespace benchgate::cli {

// `flag` is the option's name: "--colour-by" (flamegraph diff), "--profile-colour-by" (gate).
CLI::Option* add_colour_by_option(CLI::App& app, const std::string& flag, profile::ColourBy& value);

}  // namespace benchgate::cli
