#pragma once
// `benchgate hook install` checks the configured suites against the hook's budget: a pre-push
// gate that overruns its budget is stopped and gates nothing, so it is better found out once, at
// install time, than on every push. Run records keep no process wall times, so the estimate
// comes from a trial: one process of each suite, run by `benchgate run` as a child and timed,
// times the processes the pre-push gate would launch of it (docs/ci.md#budget).
#include <filesystem>
#include <string>
#include <vector>

namespace benchgate::prepush {

struct BudgetCheckSettings {
  std::filesystem::path benchgate;  // the executable the trial runs
  std::filesystem::path config;     // benchgate.toml (must exist)
  double budget_seconds = 60;       // > 0
};

struct SuiteEstimate {
  std::string suite;
  int processes = 0;               // launches the pre-push gate makes of it
  std::string process_word;        // what one launch is: "process" or "run"
  double seconds_per_process = 0;  // the trial's wall time
  bool over_budget_alone = false;  // the trial was stopped at the budget
  std::string failure;             // not empty: the trial failed (how), no estimate
  double seconds() const { return processes * seconds_per_process; }
};

// One trial per suite, in the config's order; each is stopped at the budget. InputError for a
// config that does not load.
std::vector<SuiteEstimate> estimate_suites(const BudgetCheckSettings& settings);

// The estimated time of the suites that could be timed.
double estimated_seconds(const std::vector<SuiteEstimate>& estimates);

// What `hook install` prints: nothing when the suites fit in the budget, else warning lines
// naming each suite's estimate and what to change.
std::vector<std::string> budget_warnings(const std::vector<SuiteEstimate>& estimates,
                                         double budget_seconds);

}  // namespace benchgate::prepush
