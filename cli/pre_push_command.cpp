// `benchgate pre-push`: the command the pre-push hook runs (docs/ci.md#pre-push). It reads the
// refs git is about to push from stdin, gates each pushed branch that is checked out against the
// remote's branch (or default branch) with `benchgate gate` as a child process, within a time
// budget, and exits non-zero only to block a push that the gate says regresses (or that it
// cannot judge because the config is wrong).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/pre_push_budget.h"
#include "cli/pre_push_gate.h"
#include "cli/pre_push_plan.h"
#include "cli/pre_push_target.h"
#include "core/errors.h"
#include "git/repository.h"
#include "git/revision.h"
#include "prepush/pre_push_lines.h"
#include "process/describe.h"
#include "process/self_executable.h"
#include "runner/config.h"

namespace benchgate::cli {
using prepush::parse_pre_push_lines;
using prepush::PushedRef;
namespace {

using Clock = std::chrono::steady_clock;

struct PrePushOptions {
  std::string remote = "origin";
  std::string url;
  double budget_seconds = kDefaultBudgetSeconds;
  std::optional<std::string> config;
  std::optional<std::string> testbed;
  std::optional<std::string> report_dir;
  bool fetch = false;
};

void say(std::string_view message) {
  fmt::print(stderr, "benchgate pre-push: {}\n", message);
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

std::string checked_out_commit(const git::Repository& repo) {
  return git::try_resolve_revision(repo, "HEAD").value_or("");  // unborn HEAD: nothing checked out
}

constexpr std::string_view kBypassHint =
    "to push anyway: BENCHGATE_SKIP=1 git push ...  or  git push --no-verify";

// Runs the planned gates in order within the budget; returns the hook's exit code.
int run_gates(const std::vector<PlannedGate>& gates, const PrePushGateSettings& settings,
              double budget_seconds) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(budget_seconds));
  bool regression = false, input_error = false;
  for (std::size_t i = 0; i < gates.size(); ++i) {
    const PlannedGate& gate = gates[i];
    std::optional<std::chrono::duration<double>> limit;
    if (budget_seconds > 0) {
      limit = deadline - Clock::now();
      if (limit->count() <= 0) {
        say(
            fmt::format("the {} budget is used up; {} of {} branch(es) not gated, the push goes "
                        "ahead for them unchecked",
                        format_budget(budget_seconds), gates.size() - i, gates.size()));
        break;
      }
    }
    say(fmt::format("gating {} ({}) against {}", gate.request.branch,
                    short_sha(gate.request.head_sha), gate.target_description));
    GateRun run = run_gate_child(settings, gate.request, limit);
    switch (run.outcome) {
      case GateOutcome::kPass:
        say(fmt::format("{}: no regression (reports in {})", gate.request.branch,
                        run.report_dir.string()));
        break;
      case GateOutcome::kRegression:
        regression = true;
        say(fmt::format("{}: REGRESSION found; the push is blocked (reports in {})",
                        gate.request.branch, run.report_dir.string()));
        break;
      case GateOutcome::kInputError:
        input_error = true;
        say(
            fmt::format("{}: the gate could not run ({}): fix the configuration or the command "
                        "above; the push is blocked",
                        gate.request.branch, run.how));
        break;
      case GateOutcome::kFailed:
        say(
            fmt::format("warning: {}: the gate failed ({}); this is not a verdict on your "
                        "change, so the push goes ahead unchecked. Run it yourself: {}",
                        gate.request.branch, run.how,
                        process::shell_quote_command(gate_command(settings, gate.request))));
        break;
      case GateOutcome::kOverBudget:
        say(
            fmt::format("warning: {}: the gate did not finish within the {} budget and was "
                        "stopped; the push goes ahead unchecked (raise it with --budget in the "
                        "hook, or run `benchgate gate` yourself)",
                        gate.request.branch, format_budget(budget_seconds)));
        return kExitPass;  // the budget is spent: later branches cannot be gated either
    }
  }
  if (regression || input_error) say(kBypassHint);
  if (regression) return kExitRegression;
  if (input_error) return kExitInputError;
  return kExitPass;
}

int run_pre_push(const PrePushOptions& options) {
  if (skip_requested()) {
    say("BENCHGATE_SKIP is set: this push is not gated");
    return kExitPass;
  }
  const std::vector<PushedRef> refs = parse_pre_push_lines(read_stdin());
  // git runs hooks in the top of the work tree, so the current directory is the repository.
  const git::Repository repo = git::Repository::open(".");
  const std::optional<std::filesystem::path> workdir = repo.workdir();
  if (!workdir) {
    say("bare repository: there is no working tree to measure; not gated");
    return kExitPass;
  }
  PrePushGateSettings settings;
  settings.benchgate = process::self_executable();
  settings.repo = workdir->lexically_normal();
  if (settings.repo.filename().empty()) settings.repo = settings.repo.parent_path();
  if (options.config) {
    settings.config = std::filesystem::absolute(*options.config);
    if (!std::filesystem::exists(settings.config))
      throw InputError(fmt::format("--config {}: no such file", *options.config));
  } else {
    settings.config = settings.repo / kDefaultConfigFile;
    if (!std::filesystem::exists(settings.config)) {
      say(fmt::format("no {} in {}: nothing to gate", kDefaultConfigFile, settings.repo.string()));
      return kExitPass;
    }
  }
  settings.testbed = options.testbed;
  settings.fetch = options.fetch;
  settings.report_root = options.report_dir ? std::filesystem::absolute(*options.report_dir)
                                            : repo.git_dir() / "benchgate" / "pre-push";

  PushPlan plan = plan_push(repo, refs, options.remote, checked_out_commit(repo));
  for (const auto& message : plan.skipped) say(message);
  if (plan.gates.empty()) return kExitPass;
  return run_gates(plan.gates, settings, options.budget_seconds);
}

}  // namespace

void register_pre_push_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<PrePushOptions>();
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
  sub->add_option("--testbed", options->testbed, "Testbed name passed to the gate");
  sub->add_option("--report-dir", options->report_dir,
                  "Folder for the reports, one subfolder per branch (default: "
                  ".git/benchgate/pre-push)");
  sub->add_flag("--fetch", options->fetch,
                "Let the gate fetch baseline notes from the remote first (default: use local "
                "notes only)");
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
