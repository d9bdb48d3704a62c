#pragma once
// The pre-push time budget: `--budget 60s` on `benchgate pre-push`, and the same flag on
// `benchgate hook install`, which writes it into the hook.
#include <string>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

// Adds `--budget DURATION` (core/duration.h: "90", "90s", "1.5m", "1h", "500ms"; 0 = no limit),
// stored in seconds.
CLI::Option* add_budget_option(CLI::App& app, double& seconds);

}  // namespace benchgate::cli
