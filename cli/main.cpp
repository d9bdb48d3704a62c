// benchgate: the command-line entry point. Parses the command line, runs the chosen subcommand
// and turns its outcome into the documented exit code (docs/usage.md#exit-codes).
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/build_info.h"
#include "cli/command.h"
#include "cli/help_sections.h"
#include "cli/usage_errors.h"
#include "cli/workflow_command_guard.h"
#include "core/credentials.h"
#include "core/errors.h"

int main(int argc, char** argv) {
  using namespace benchgate;
  // Before anything else, while there is one thread: credentials leave the environment, so no
  // child and no reader of /proc/<pid>/environ can get them (core/credentials.h).
  withdraw_credentials_from_environment();
  cli::guard_workflow_commands();
  CLI::App app{
      "benchgate: stop pull requests from making code slower, and prove it.\n"
      "Exit codes: 0 pass, 1 regression found, 2 usage or input error, "
      "3 internal or environment error."};
  app.name("benchgate");
  app.set_version_flag("--version", cli::version_line());
  app.require_subcommand(1);
  cli::Action action;
  cli::register_compare_command(app, action);
  cli::register_run_command(app, action);
  cli::register_baseline_command(app, action);
  cli::register_gate_command(app, action);
  cli::register_ab_command(app, action);
  cli::register_calibrate_command(app, action);
  cli::register_bisect_command(app, action);
  cli::register_history_command(app, action);
  cli::register_flamegraph_command(app, action);
  cli::register_hook_command(app, action);
  cli::register_pre_push_command(app, action);
  cli::set_help_sections(
      app, {{"benchgate run --config benchgate.toml -o out/",
             "measure every suite of benchgate.toml into run records"},
            {"benchgate compare base.json head.json", "decide whether head regressed against base"},
            {"benchgate gate", "the CI or pre-push job: run, find the baseline, compare, report"},
            {"benchgate hook install --budget 5m", "gate every git push on this clone"}});
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "{}", cli::explain_parse_error(app, {argv + 1, argv + argc}, e));
    return kExitInputError;
  } catch (const InputError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", e.what());
    return kExitInputError;
  }
  if (!action) return kExitInputError;
  try {
    return action();
  } catch (const InputError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", e.what());
    return kExitInputError;
  } catch (const EnvironmentError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", e.what());
    return kExitInternalError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "benchgate: internal error: {}\n", e.what());
    return kExitInternalError;
  }
}
