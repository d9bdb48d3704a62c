// `benchgate pre-push`: the command the pre-push hook runs (docs/ci.md#pre-push). It reads the
// refs git is about to push from stdin, gates each pushed branch that is checked out against the
// remote's branch (or default branch) with `benchgate gate` as a child process, within a time
// budget, and exits non-zero only to block a push that the gate says regresses (or that it
// cannot judge because the config is wrong).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/default_testbed.h"
#include "cli/help_sections.h"
#include "cli/pre_push_budget.h"
#include "core/errors.h"
#include "prepush/pre_push_run.h"
#include "process/self_executable.h"

namespace benchgate::cli {
namespace {

using prepush::say;

struct PrePushFlags {
  std::string remote = "origin";
  std::string url;
  double budget_seconds = prepush::kDefaultBudgetSeconds;
  std::optional<std::string> config;
  std::optional<std::string> testbed;
  std::optional<std::string> report_dir;
  bool fetch = false;
};

prepush::PrePushSettings settings_of(const PrePushFlags& flags) {
  prepush::PrePushSettings s;
  s.remote = flags.remote;
  s.budget_seconds = flags.budget_seconds;
  if (flags.config) s.config = *flags.config;
  s.testbed = flags.testbed;
  if (flags.report_dir) s.report_dir = *flags.report_dir;
  s.fetch = flags.fetch;
  return s;
}

bool skip_requested() {
  const char* skip = std::getenv("BENCHGATE_SKIP");
  return skip && *skip && std::string_view(skip) != "0";
}

std::string read_stdin() {
  if (isatty(STDIN_FILENO))
    throw InputError(
        "benchgate pre-push reads the refs being pushed from stdin, as git gives them to a "
        "pre-push hook; install the hook with `benchgate hook install` instead of running it by "
        "hand");
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

// Writes each line of the gate child's stream to `stream` at once.
std::function<void(std::string_view)> pass_through(std::FILE* stream) {
  return [stream](std::string_view line) {
    fmt::print(stream, "{}\n", line);
    std::fflush(stream);
  };
}

int run_pre_push(const PrePushFlags& flags) {
  if (skip_requested()) {
    say("BENCHGATE_SKIP is set: this push is not gated");
    return kExitPass;
  }
  const std::string pushed = read_stdin();
  prepush::PrePushSettings settings = settings_of(flags);
  settings.benchgate = process::self_executable();
  settings.on_stdout_line = pass_through(stdout);
  settings.on_stderr_line = pass_through(stderr);
  switch (prepush::run_pre_push(settings, pushed)) {
    case prepush::PrePushOutcome::kRegression:
      return kExitRegression;
    case prepush::PrePushOutcome::kInputError:
      return kExitInputError;
    case prepush::PrePushOutcome::kPass:
      break;
  }
  return kExitPass;
}

}  // namespace

void register_pre_push_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<PrePushFlags>();
  auto* sub = app.add_subcommand(
      "pre-push",
      "Gate a git push on benchmark regressions: run by the hook `benchgate hook install` "
      "writes; reads git's pre-push lines from stdin. Skip with BENCHGATE_SKIP=1 or "
      "`git push --no-verify`");
  sub->add_option("REMOTE", options->remote, "Name of the remote pushed to (git passes it)")
      ->capture_default_str();
  sub->add_option("URL", options->url, "URL of the remote (git passes it; unused)");
  add_budget_option(*sub, options->budget_seconds);
  sub->add_option("-c,--config", options->config,
                  "benchgate.toml (default: the one at the top of the work tree; without one "
                  "the push is not gated)");
  sub->add_option("--testbed", options->testbed,
                  std::string("Testbed name passed to the gate (default: the config's testbed, "
                              "else ") +
                      kThisMachineTestbed + ")");
  sub->add_option("--report-dir", options->report_dir,
                  "Folder for the reports, one subfolder per branch (default: "
                  ".git/benchgate/pre-push)");
  sub->add_flag("--fetch", options->fetch,
                "Let the gate fetch baseline notes from the remote first (default: use local "
                "notes only)");
  set_help_sections(*sub, {{"benchgate pre-push --budget 5m origin https://example.com/repo.git",
                            "what the hook runs on `git push origin`; git's lines come on stdin"},
                           {"benchgate pre-push --fetch --report-dir /tmp/bg origin",
                            "by hand, with the remote's baselines, reports in /tmp/bg"}});
  sub->callback([&action, options] {
    action = [options] {
      try {
        return run_pre_push(*options);
      } catch (const EnvironmentError& e) {
        // git or the system failed us, not the pushed code: warn and let the push through.
        say(fmt::format("warning: {}; the push goes ahead unchecked", e.what()));
        return static_cast<int>(kExitPass);
      }
    };
  });
}

}  // namespace benchgate::cli
