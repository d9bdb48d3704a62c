#include "prepush/pre_push_gate.h"

#include <string_view>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/describe.h"
#include "process/launch.h"

namespace benchgate::prepush {
namespace {

// refs/heads/feature/x -> feature_x: one flat folder per branch under the report root.
std::string folder_name(const std::string& branch) {
  std::string name = branch.starts_with("refs/heads/") ? branch.substr(11) : branch;
  for (char& c : name)
    if (c == '/') c = '_';
  return name;
}

GateChildOutcome classify(const process::ChildOutcome& child) {
  if (child.timed_out) return GateChildOutcome::kOverBudget;
  if (!child.exited) return GateChildOutcome::kFailed;
  switch (child.exit_status) {
    case kExitPass:
      return GateChildOutcome::kPass;
    case kExitRegression:
      return GateChildOutcome::kRegression;
    case kExitInputError:
      return GateChildOutcome::kInputError;
    default:
      return GateChildOutcome::kFailed;
  }
}

}  // namespace

std::vector<std::string> gate_command(const PrePushGateSettings& settings,
                                      const GateRequest& request) {
  std::vector<std::string> argv = {settings.benchgate.string(),
                                   "gate",
                                   "--context",
                                   "local",
                                   "--repo",
                                   settings.repo.string(),
                                   "--config",
                                   settings.config.string(),
                                   "--head",
                                   request.head_sha,
                                   "--target",
                                   request.target_sha,
                                   "--no-push",
                                   "--record",
                                   "never",
                                   "--report-dir",
                                   (settings.report_root / folder_name(request.branch)).string()};
  // A laptop's testbed differs from CI's, so remote baselines rarely apply; fetching them would
  // only spend the budget (and may prompt for credentials). Opt in with --fetch.
  if (!settings.fetch) argv.push_back("--no-fetch");
  if (settings.testbed) {
    argv.push_back("--testbed");
    argv.push_back(*settings.testbed);
  }
  return argv;
}

GateRun run_gate_child(const PrePushGateSettings& settings, const GateRequest& request,
                       std::optional<std::chrono::duration<double>> limit) {
  process::ChildSpec spec;
  spec.argv = gate_command(settings, request);
  spec.working_dir = settings.repo;
  spec.timeout = limit;
  // The gate is benchgate: it needs BENCHGATE_GIT_TOKEN to fetch baselines, and keeps it from
  // the suites it runs itself.
  spec.keeps_credentials = true;
  // Both streams pass through line by line as the gate writes them (git shows a hook's output
  // on the pusher's terminal), so a long gate shows its progress while it runs.
  spec.on_stdout_line = settings.on_stdout_line;
  spec.on_stderr_line = settings.on_stderr_line;
  process::ChildOutcome child = process::run_child(spec);
  GateRun run;
  run.outcome = classify(child);
  run.how = process::describe_outcome(child, spec);
  run.report_dir = settings.report_root / folder_name(request.branch);
  return run;
}

}  // namespace benchgate::prepush
