#include "gate/bisect_steps.h"

#include <filesystem>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "gate/gate_build.h"

namespace benchgate::gate {
namespace fs = std::filesystem;

const runner::SuiteConfig& bisect_suite(const GateSettings& settings) {
  if (settings.suites.size() != 1)
    throw InputError(fmt::format("bisect measures one suite, and {} has {}: name it with --suite",
                                 settings.config_name, settings.suites.size()));
  if (!settings.config.build.command)
    throw InputError(fmt::format(
        "bisect needs a build command: add\n  [build]\n  command = \"...\"\nto {} (it builds "
        "the suite's binary in each commit's tree; see docs/interleaved.md)",
        settings.config_name));
  return settings.suites.front();
}

BuiltCommit::BuiltCommit(const GateSettings& settings, const std::string& commit)
    : tree_(settings.repo, commit) {
  const runner::Config& config = settings.config;
  const runner::SuiteConfig& suite = bisect_suite(settings);
  stop_if_interrupted(fmt::format("while checking out {}", short_commit(commit)));
  const fs::path config_dir = fs::absolute(settings.config_name).parent_path();
  const auto tree_config_dir = tree_.map(config_dir);
  if (!tree_config_dir)
    throw InputError(fmt::format(
        "{} is outside the repository {}: bisect builds the commits of the repository with its "
        "build command, so the config must belong to it",
        settings.config_name, tree_.repository_root().string()));
  plan_ = plan_suite(suite, tree_, config_dir);
  // "commit" names the side in the build's log lines ("[commit build] ..."); the id follows.
  run_build(
      {*config.build.command, *tree_config_dir, "commit", commit, config.build.timeout_seconds});
  check_side_build(suite, plan_.base_command, short_commit(commit));
}

ab::AbJobResult measure_pair(const BuiltCommit& base, const BuiltCommit& head,
                             const GateSettings& settings, const std::optional<std::string>& filter,
                             double alpha, std::uint64_t seed,
                             std::optional<std::chrono::duration<double>> budget) {
  ab::AbJobSettings job = job_for(base.plan(), settings, seed, budget);
  job.base_command = base.plan().base_command;
  job.base_working_dir = base.plan().base_dir;
  job.head_command = head.plan().base_command;
  job.working_dir = head.plan().base_dir;
  // Inconclusive is settled by more rounds, within the sequential design's error rates.
  job.rounds = std::nullopt;
  job.max_rounds = std::max(settings.rounds.max_rounds, settings.rounds.rounds.value_or(0));
  if (filter) job.filter = filter;
  job.compare.settings.alpha = alpha;
  job.invocation = fmt::format("benchgate bisect --config {}", settings.config_name);
  return ab::run_ab_job(job);
}

StepVerdict judge_step(const std::vector<BenchmarkComparison>& rows, std::string& note) {
  std::vector<std::string> unsettled;
  bool regression = false;
  for (const auto& row : rows) {
    if (row.verdict == Verdict::kRegression) regression = true;
    if (row.verdict != Verdict::kUnchanged && row.verdict != Verdict::kImprovement &&
        row.verdict != Verdict::kRegression)
      unsettled.push_back(fmt::format("{} ({})", row.name, to_string(row.verdict)));
  }
  if (regression) return StepVerdict::kBad;
  if (rows.empty()) {
    note = "none of the hunted benchmarks was measured";
    return StepVerdict::kInconclusive;
  }
  if (unsettled.empty()) return StepVerdict::kGood;
  note = fmt::format("not settled: {}", fmt::join(unsettled, ", "));
  return StepVerdict::kInconclusive;
}

}  // namespace benchgate::gate
