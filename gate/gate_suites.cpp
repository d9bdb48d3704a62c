#include "gate/gate_suites.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

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

// The suites one --results path holds. A file, or a directory of files that do not name a suite
// (one Google Benchmark JSON per process), is one suite named as the input says. A directory of
// records that name their suites (what `run --config -o DIR` writes) is one suite per name:
// merging them would gate a suite that has no baseline anywhere, and pass silently.
std::vector<SuiteHead> suites_in(const ResultsInput& given) {
  if (!fs::is_directory(given.path))
    return {SuiteHead{given.suite, runner::load_results(given.path), true}};
  std::vector<RunRecord> records = runner::load_each_result_file(given.path);
  const auto named = std::count_if(records.begin(), records.end(),
                                   [](const RunRecord& r) { return !suite_of(r).empty(); });
  if (named == 0) {
    SuiteHead head{given.suite, std::move(records.front()), true};
    for (std::size_t i = 1; i < records.size(); ++i) merge_records(head.record, records[i]);
    return {std::move(head)};
  }
  if (named != static_cast<long>(records.size()))
    throw InputError(fmt::format(
        "--results {}: {} of its {} files are run records of a named suite and the others are "
        "not; give each suite's results as its own --results path",
        given.path.string(), named, records.size()));
  std::map<std::string, SuiteHead> by_suite;
  for (RunRecord& record : records) {
    const std::string suite = suite_of(record);
    auto [it, added] = by_suite.try_emplace(suite, SuiteHead{suite, RunRecord{}, true});
    if (added)
      it->second.record = std::move(record);
    else
      merge_records(it->second.record, record);  // several processes' records of one suite
  }
  std::vector<SuiteHead> heads;
  if (given.named) {
    auto it = by_suite.find(given.suite);
    if (it == by_suite.end()) {
      std::vector<std::string> names;
      for (const auto& [name, head] : by_suite) names.push_back(name);
      throw InputError(fmt::format("--results {} holds suite(s) {}, not {} (named by --suite)",
                                   given.path.string(), fmt::join(names, ", "), given.suite));
    }
    heads.push_back(std::move(it->second));
    return heads;
  }
  for (auto& [name, head] : by_suite) heads.push_back(std::move(head));
  return heads;
}

std::vector<SuiteHead> load_given_results(const GateSettings& s, const std::string& head_commit) {
  std::optional<std::string> fingerprint;
  std::vector<SuiteHead> heads;
  std::set<std::string> seen;
  for (const ResultsInput& given : s.results) {
    for (SuiteHead& head : suites_in(given)) {
      if (!seen.insert(head.name).second)
        throw InputError(
            fmt::format("--results {}: suite {} is given twice; give each suite's results once",
                        given.path.string(), head.name));
      RunRecord& r = head.record;
      if (s.testbed) {
        r.testbed = *s.testbed;
      } else if (r.testbed.empty()) {
        if (!fingerprint) fingerprint = runner::this_machine_testbed();
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
