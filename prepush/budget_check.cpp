#include "prepush/budget_check.h"

#include <fmt/format.h>

#include "core/scratch_directory.h"
#include "prepush/pre_push_run.h"
#include "process/describe.h"
#include "process/launch.h"
#include "runner/config.h"
#include "runner/run_suites.h"
#include "runner/suite_binary_probe.h"

namespace benchgate::prepush {
namespace {

// How many launches of `suite` the pre-push gate makes: interleaved mode runs a base and a head
// process per round, stored mode the suite's processes (Google Benchmark, Catch2, result lines)
// or warm-up and timed runs (command mode).
void count_launches(const runner::Config& config, const runner::SuiteConfig& suite,
                    SuiteEstimate& estimate) {
  const bool timed_command =
      runner::resolve_suite_format(suite, runner::probe_binary(suite.command.front())) ==
      runner::SuiteFormat::kCommand;
  estimate.process_word = timed_command ? "run" : "process";
  if (config.gate.mode == runner::GateMode::kInterleaved) {
    estimate.processes = 2 * config.gate.rounds.value_or(config.gate.max_rounds);
    return;
  }
  estimate.processes = timed_command ? suite.runs + suite.warmup : suite.processes;
}

// One process (or one timed run) of the suite, as the gate would launch it.
void time_one_process(const BudgetCheckSettings& settings, const runner::SuiteConfig& suite,
                      SuiteEstimate& estimate) {
  ScratchDirectory scratch("benchgate-budget-check");
  process::ChildSpec spec;
  spec.argv = {settings.benchgate.string(),
               "run",
               "--config",
               settings.config.string(),
               "--suite",
               suite.name,
               "--processes",
               "1",
               "--runs",
               "1",
               "--warmup",
               "0",
               "--no-profile",
               "--quiet",
               "-o",
               scratch.path().string()};
  spec.working_dir = settings.config.parent_path();
  spec.timeout = std::chrono::duration<double>(settings.budget_seconds);
  const process::ChildOutcome child = process::run_child(spec);
  estimate.seconds_per_process = std::chrono::duration<double>(child.wall).count();
  estimate.over_budget_alone = child.timed_out;
  if (!child.succeeded() && !child.timed_out) {
    estimate.failure = process::describe_outcome(child, spec);
    std::string tail = process::last_lines(child.stderr_tail, 2);
    if (tail.ends_with('\n')) tail.pop_back();
    if (!tail.empty()) estimate.failure += ", saying:\n" + tail;
  }
}

std::string describe(const SuiteEstimate& e) {
  if (e.over_budget_alone)
    return fmt::format("suite {}: one {} alone did not finish within the budget", e.suite,
                       e.process_word);
  const std::string plural = e.process_word == "process" ? "processes" : e.process_word + "s";
  return fmt::format("suite {}: {} {} x {:.1f}s = ~{:.0f}s", e.suite, e.processes,
                     e.processes == 1 ? e.process_word : plural, e.seconds_per_process,
                     e.seconds());
}

}  // namespace

std::vector<SuiteEstimate> estimate_suites(const BudgetCheckSettings& settings) {
  const runner::Config config = runner::load_config(settings.config);
  std::vector<SuiteEstimate> estimates;
  for (const runner::SuiteConfig& suite : config.suites) {
    SuiteEstimate& estimate = estimates.emplace_back();
    estimate.suite = suite.name;
    count_launches(config, suite, estimate);
    time_one_process(settings, suite, estimate);
  }
  return estimates;
}

double estimated_seconds(const std::vector<SuiteEstimate>& estimates) {
  double total = 0;
  for (const SuiteEstimate& e : estimates)
    if (e.failure.empty()) total += e.seconds();
  return total;
}

std::vector<std::string> budget_warnings(const std::vector<SuiteEstimate>& estimates,
                                         double budget_seconds) {
  std::vector<std::string> lines;
  const double total = estimated_seconds(estimates);
  bool over = total > budget_seconds;
  for (const SuiteEstimate& e : estimates) {
    if (!e.failure.empty())
      lines.push_back(
          fmt::format("suite {}: not estimated: one {} {}", e.suite, e.process_word, e.failure));
    else
      over = over || e.over_budget_alone;
  }
  if (!over) return lines;
  std::vector<std::string> warning = {fmt::format(
      "warning: the pre-push gate would take ~{:.0f}s, more than the {} budget: it would be "
      "stopped on every push and gate nothing",
      total, format_budget(budget_seconds))};
  for (const SuiteEstimate& e : estimates)
    if (e.failure.empty()) warning.push_back("  " + describe(e));
  warning.push_back(
      "  shorten the suites (--benchmark_min_time=0.05 in a Google Benchmark suite's command, "
      "fewer processes or runs in benchgate.toml, a --benchmark_filter) or raise --budget");
  warning.insert(warning.end(), lines.begin(), lines.end());
  return warning;
}

}  // namespace benchgate::prepush
