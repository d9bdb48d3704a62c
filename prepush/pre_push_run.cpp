#include "prepush/pre_push_run.h"

#include <chrono>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "git/repository.h"
#include "git/revision.h"
#include "prepush/pre_push_gate.h"
#include "prepush/pre_push_lines.h"
#include "prepush/pre_push_plan.h"
#include "process/describe.h"
#include "runner/config.h"

namespace benchgate::prepush {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kBypassHint =
    "to push anyway: BENCHGATE_SKIP=1 git push ...  or  git push --no-verify";

std::string checked_out_commit(const git::Repository& repo) {
  return git::try_resolve_revision(repo, "HEAD").value_or("");  // unborn HEAD: nothing checked out
}

// A push that was not gated must not pass for a checked one: a framed block on stderr that says
// so, and what to change so that the next push fits in the budget.
void say_not_gated(std::string_view what, std::string_view run_it_yourself) {
  constexpr std::string_view kRule =
      "======================================================================";
  say(kRule);
  say(fmt::format("NOT GATED: {}.", what));
  say("The push went through unchecked: no benchmark of it was compared with its baseline.");
  say("To gate the next push: raise --budget (benchgate hook install --budget 5m) or shorten");
  say("the suite: --benchmark_min_time=0.05 in its command, fewer processes (processes = 3),");
  say("or a --benchmark_filter. `benchgate hook install` estimates a suite's time.");
  say(fmt::format("Run the gate yourself: {}", run_it_yourself));
  say(kRule);
}

// What one finished gate child means for the push; false when the budget is spent and no later
// branch can be gated either.
struct Tally {
  bool regression = false, input_error = false;
};

bool report(const PlannedGate& gate, const GateRun& run, const PrePushGateSettings& settings,
            double budget_seconds, Tally& tally) {
  switch (run.outcome) {
    case GateChildOutcome::kPass:
      say(fmt::format("{}: no regression (reports in {})", gate.request.branch,
                      run.report_dir.string()));
      return true;
    case GateChildOutcome::kRegression:
      tally.regression = true;
      say(fmt::format("{}: REGRESSION found; the push is blocked (reports in {})",
                      gate.request.branch, run.report_dir.string()));
      return true;
    case GateChildOutcome::kInputError:
      tally.input_error = true;
      say(
          fmt::format("{}: the gate could not run ({}): fix the configuration or the command "
                      "above; the push is blocked",
                      gate.request.branch, run.how));
      return true;
    case GateChildOutcome::kFailed:
      say(
          fmt::format("warning: {}: the gate failed ({}); this is not a verdict on your change, "
                      "so the push goes ahead unchecked. Run it yourself: {}",
                      gate.request.branch, run.how,
                      process::shell_quote_command(gate_command(settings, gate.request))));
      return true;
    case GateChildOutcome::kOverBudget:
      say_not_gated(fmt::format("{} did not finish within the {} budget", gate.request.branch,
                                format_budget(budget_seconds)),
                    process::shell_quote_command(gate_command(settings, gate.request)));
      return false;
  }
  return true;
}

// Runs the planned gates in order within the budget.
PrePushOutcome run_gates(const std::vector<PlannedGate>& gates, const PrePushGateSettings& settings,
                         double budget_seconds) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(budget_seconds));
  Tally tally;
  for (std::size_t i = 0; i < gates.size(); ++i) {
    const PlannedGate& gate = gates[i];
    std::optional<std::chrono::duration<double>> limit;
    if (budget_seconds > 0) {
      limit = deadline - Clock::now();
      if (limit->count() <= 0) {
        say_not_gated(fmt::format("the {} budget is used up; {} of {} branch(es) not gated",
                                  format_budget(budget_seconds), gates.size() - i, gates.size()),
                      process::shell_quote_command(gate_command(settings, gate.request)));
        break;
      }
    }
    say(fmt::format("gating {} ({}) against {}", gate.request.branch,
                    short_commit(gate.request.head_sha, 7), gate.target_description));
    const GateRun run = run_gate_child(settings, gate.request, limit);
    if (!report(gate, run, settings, budget_seconds, tally)) return PrePushOutcome::kPass;
  }
  if (tally.regression || tally.input_error) say(kBypassHint);
  if (tally.regression) return PrePushOutcome::kRegression;
  if (tally.input_error) return PrePushOutcome::kInputError;
  return PrePushOutcome::kPass;
}

}  // namespace

void say(std::string_view message) {
  log_message(LogLevel::kText, fmt::format("benchgate pre-push: {}\n", message));
}

std::string format_budget(double seconds) {
  return fmt::format("{:g}s", seconds);
}

std::filesystem::path pre_push_config(const std::filesystem::path& workdir,
                                      const std::optional<std::filesystem::path>& given) {
  return given ? std::filesystem::absolute(*given) : workdir / runner::kDefaultConfigFile;
}

PrePushOutcome run_pre_push(const PrePushSettings& options, std::string_view pushed) {
  const std::vector<PushedRef> refs = parse_pre_push_lines(pushed);
  const git::Repository repo = git::Repository::open(options.repository);
  const std::optional<std::filesystem::path> workdir = repo.workdir();
  if (!workdir) {
    say("bare repository: there is no working tree to measure; not gated");
    return PrePushOutcome::kPass;
  }
  PrePushGateSettings settings;
  settings.benchgate = options.benchgate;
  settings.on_stdout_line = options.on_stdout_line;
  settings.on_stderr_line = options.on_stderr_line;
  settings.repo = workdir->lexically_normal();
  if (settings.repo.filename().empty()) settings.repo = settings.repo.parent_path();
  settings.config = pre_push_config(settings.repo, options.config);
  if (!std::filesystem::exists(settings.config)) {
    if (options.config)
      throw InputError(fmt::format("--config {}: no such file", options.config->string()));
    say(fmt::format("no {} in {}: nothing to gate", runner::kDefaultConfigFile,
                    settings.repo.string()));
    return PrePushOutcome::kPass;
  }
  settings.testbed = options.testbed;
  settings.fetch = options.fetch;
  settings.report_root = options.report_dir ? std::filesystem::absolute(*options.report_dir)
                                            : repo.git_dir() / "benchgate" / "pre-push";

  PushPlan plan = plan_push(repo, refs, options.remote, checked_out_commit(repo));
  for (const auto& message : plan.skipped) say(message);
  if (plan.gates.empty()) return PrePushOutcome::kPass;
  return run_gates(plan.gates, settings, options.budget_seconds);
}

}  // namespace benchgate::prepush
