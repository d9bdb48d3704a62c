#include "gate/gate_suites.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "runner/environment.h"
#include "runner/progress.h"
#include "runner/result_format.h"
#include "runner/run_suites.h"

namespace benchgate::gate {
namespace {
namespace fs = std::filesystem;

std::vector<SuiteHead> run_configured_suites(const GateSettings& s,
                                             const std::string& head_commit) {
  const runner::Config& config = s.config;
  runner::RunSettings settings;
  settings.testbed = s.testbed;
  settings.seed = config.run.seed;
  settings.invocation = fmt::format("benchgate gate --config {}", config.source.string());
  settings.git_dir = config.source.has_parent_path() ? config.source.parent_path() : ".";
  runner::Progress progress(runner::Progress::mode_for(stderr, false));
  runner::RunOutcome outcome = runner::run_suites(s.suites, settings, progress);
  for (const auto& w : outcome.warnings) log_warning("{}", w);
  if (outcome.interrupted_by)
    throw EnvironmentError(fmt::format("interrupted by SIG{} while running the suites",
                                       sigabbrev_np(outcome.interrupted_by)));
  std::vector<SuiteHead> heads;
  for (auto& run : outcome.suites) {
    SuiteHead head{run.suite->name, std::move(run.record), true};
    head.complete = !run.failed_processes && !run.missing_processes && !run.benchmark_errors;
    const auto ok = std::count_if(head.record.processes.begin(), head.record.processes.end(),
                                  [](const ProcessInfo& p) { return p.status == "ok"; });
    if (ok == 0)
      throw EnvironmentError(
          fmt::format("suite {}: every process failed; nothing to compare", head.name));
    if (!head.complete)
      log_warning(
          "suite {}: {} process(es) failed and {} benchmark run(s) reported errors; "
          "comparing what was measured, but not recording it as a baseline",
          head.name, run.failed_processes + run.missing_processes, run.benchmark_errors);
    // The checkout may be a merge commit (GitHub pull requests): results belong to head.
    head.record.commit = head_commit;
    heads.push_back(std::move(head));
  }
  return heads;
}

std::vector<SuiteHead> load_given_results(const GateSettings& s, const std::string& head_commit) {
  std::optional<std::string> fingerprint;
  std::vector<SuiteHead> heads;
  for (const ResultsInput& given : s.results) {
    SuiteHead head{given.suite, runner::load_results(given.path), true};
    RunRecord& r = head.record;
    if (s.testbed) {
      r.testbed = *s.testbed;
    } else if (r.testbed.empty()) {
      if (!fingerprint) fingerprint = runner::testbed_fingerprint(runner::capture_environment());
      r.testbed = *fingerprint;
    }
    if (!r.commit.empty() && r.commit != head_commit)
      log_warning("--results {} says it measured commit {}; gating it as {}", given.path.string(),
                  r.commit, head_commit);
    r.commit = head_commit;
    if (!r.environment.is_object()) r.environment = nlohmann::json::object();
    r.environment[kSuiteKey] = head.name;
    head.complete = std::none_of(r.processes.begin(), r.processes.end(),
                                 [](const ProcessInfo& p) { return p.status != "ok"; });
    heads.push_back(std::move(head));
  }
  return heads;
}

}  // namespace

std::vector<SuiteHead> gather_head_results(const GateSettings& settings,
                                           const std::string& head_commit) {
  return settings.results.empty() ? run_configured_suites(settings, head_commit)
                                  : load_given_results(settings, head_commit);
}

std::string suite_of(const RunRecord& record) {
  if (!record.environment.is_object()) return {};
  auto it = record.environment.find(kSuiteKey);
  return it != record.environment.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace benchgate::gate
