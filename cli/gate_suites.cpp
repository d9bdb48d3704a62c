#include "cli/gate_suites.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/errors.h"
#include "runner/environment.h"
#include "runner/progress.h"
#include "runner/result_format.h"
#include "runner/run_suites.h"

namespace benchgate::cli {
namespace {
namespace fs = std::filesystem;

void warn(const std::string& text) {
  fmt::print(stderr, "benchgate: warning: {}\n", text);
}

std::vector<SuiteHead> run_configured_suites(const GateFlags& flags, const Config& config,
                                             const std::string& head_commit) {
  const std::vector<SuiteConfig> suites = selected_suites(flags, config);
  RunSettings settings;
  settings.testbed = flags.testbed.empty() ? config.testbed : std::optional(flags.testbed);
  settings.seed = config.run.seed;
  settings.invocation = fmt::format("benchgate gate --config {}", config.source.string());
  settings.git_dir = config.source.has_parent_path() ? config.source.parent_path() : ".";
  Progress progress(Progress::mode_for(stderr, false));
  RunOutcome outcome = run_suites(suites, settings, progress);
  for (const auto& w : outcome.warnings) warn(w);
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
      warn(fmt::format(
          "suite {}: {} process(es) failed and {} benchmark run(s) reported errors; "
          "comparing what was measured, but not recording it as a baseline",
          head.name, run.failed_processes + run.missing_processes, run.benchmark_errors));
    // The checkout may be a merge commit (GitHub pull requests): results belong to head.
    head.record.commit = head_commit;
    heads.push_back(std::move(head));
  }
  return heads;
}

// Each --results path is one suite: named by the matching --suite, else by the file's stem.
std::vector<std::string> result_suite_names(const GateFlags& flags) {
  if (!flags.suites.empty() && flags.suites.size() != flags.results.size())
    throw InputError(fmt::format(
        "--suite given {} time(s) for {} --results path(s): with --results, --suite names each "
        "path's suite, in order",
        flags.suites.size(), flags.results.size()));
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < flags.results.size(); ++i) {
    std::string name =
        flags.suites.empty() ? fs::path(flags.results[i]).stem().string() : flags.suites[i];
    if (name.empty()) name = fs::path(flags.results[i]).parent_path().filename().string();
    if (!seen.insert(name).second)
      throw InputError(fmt::format(
          "--results {}: a second suite named \"{}\"; name them with --suite, one per --results",
          flags.results[i], name));
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<SuiteHead> load_given_results(const GateFlags& flags, const Config& config,
                                          const std::string& head_commit) {
  const std::vector<std::string> names = result_suite_names(flags);
  std::optional<std::string> fingerprint;
  std::vector<SuiteHead> heads;
  for (std::size_t i = 0; i < flags.results.size(); ++i) {
    SuiteHead head{names[i], load_results(fs::path(flags.results[i])), true};
    RunRecord& r = head.record;
    if (!flags.testbed.empty())
      r.testbed = flags.testbed;
    else if (config.testbed)
      r.testbed = *config.testbed;
    else if (r.testbed.empty()) {
      if (!fingerprint) fingerprint = testbed_fingerprint(capture_environment());
      r.testbed = *fingerprint;
    }
    if (!r.commit.empty() && r.commit != head_commit)
      warn(fmt::format("--results {} says it measured commit {}; gating it as {}", flags.results[i],
                       r.commit, head_commit));
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

std::vector<SuiteConfig> selected_suites(const GateFlags& flags, const Config& config) {
  if (config.suites.empty())
    throw InputError(
        fmt::format("nothing to gate: {} defines no [[suite]] and no --results were given",
                    config.source.empty() ? flags.config : config.source.string()));
  std::vector<SuiteConfig> chosen;
  for (const auto& name : flags.suites) {
    const SuiteConfig* suite = config.suite(name);
    if (!suite) {
      std::vector<std::string> known;
      for (const auto& s : config.suites) known.push_back(s.name);
      throw InputError(fmt::format("--suite {}: {} has no such suite (suites: {})", name,
                                   config.source.string(), fmt::join(known, ", ")));
    }
    chosen.push_back(*suite);
  }
  return flags.suites.empty() ? config.suites : chosen;
}

Config load_gate_config(const GateFlags& flags) {
  if (flags.config_given() || fs::exists(flags.config)) return load_config(flags.config);
  return Config{};
}

std::vector<SuiteHead> gather_head_results(const GateFlags& flags, const Config& config,
                                           const std::string& head_commit) {
  return flags.results.empty() ? run_configured_suites(flags, config, head_commit)
                               : load_given_results(flags, config, head_commit);
}

std::string suite_of(const RunRecord& record) {
  if (!record.environment.is_object()) return {};
  auto it = record.environment.find(kSuiteKey);
  return it != record.environment.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace benchgate::cli
