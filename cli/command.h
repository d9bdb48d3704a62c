#pragma once
// How subcommands plug into the executable. Each subcommand lives in its own file and defines one
// `register_*_command` function; main.cpp calls them all. A subcommand's CLI11 callback stores the
// action to run in `action`; main runs it after parsing and maps exceptions to exit codes
// (core/errors.h), so subcommands just return 0/1 or throw.
#include <functional>

#include <CLI/CLI.hpp>

namespace benchgate::cli {

using Action = std::function<int()>;

void register_compare_command(CLI::App& app, Action& action);
void register_run_command(CLI::App& app, Action& action);
void register_baseline_command(CLI::App& app, Action& action);
void register_gate_command(CLI::App& app, Action& action);
void register_hook_command(CLI::App& app, Action& action);
void register_pre_push_command(CLI::App& app, Action& action);
void register_flamegraph_command(CLI::App& app, Action& action);
void register_ab_command(CLI::App& app, Action& action);
void register_calibrate_command(CLI::App& app, Action& action);
void register_bisect_command(CLI::App& app, Action& action);
void register_history_command(CLI::App& app, Action& action);

}  // namespace benchgate::cli
