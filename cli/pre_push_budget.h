#pragma once
// The pre-push time budget: `--budget 60s` on `benchgate pre-push`, and the same flag on
// `benchgate hook install`, which writes it into the hook.
#include <string>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

inline constexpr double kDefaultBudgetSeconds = 60;

// Adds `--budget DURATION` ("90", "90s", "1.5m", "500ms"; 0 = no limit), stored in seconds.
CLI::Option* add_budget_option(CLI::App& app, double& seconds);

// "60s", "1.5s", "0s": the form the hook script passes back to `--budget`.
std::string format_budget(double seconds);

}  // namespace benchgate::cli
