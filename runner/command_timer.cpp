#include "runner/command_timer.h"

#include "core/run_record.h"
#include "process/describe.h"
#include "process/launch.h"

namespace benchgate::runner {

LaunchResult run_timed_command(const SuiteConfig& suite,
                               const std::optional<std::vector<int>>& cpus) {
  process::ChildSpec spec = suite_child_spec(suite, suite.command);
  spec.cpus = cpus;
  process::ChildOutcome outcome = process::run_child(spec);
  if (!outcome.succeeded()) {
    LaunchResult failed =
        failed_launch(spec, process::describe_outcome(outcome, spec), outcome.stderr_tail);
    add_launch_context(failed.process.context, spec, outcome);
    return failed;
  }

  LaunchResult result;
  result.process.source = process::shell_quote_command(spec.argv);
  result.process.context = {{"exit_status", outcome.exit_status}};
  add_launch_context(result.process.context, spec, outcome);
  RunRecord record;
  ProcessInfo info = result.process;
  info.id = 0;
  record.processes.push_back(info);
  BenchmarkResult& b = record.find_or_add(suite.name);
  b.process.push_back(0);
  b.repetition.push_back(0);
  b.iterations.push_back(1);
  auto ns = [](std::chrono::nanoseconds d) { return static_cast<double>(d.count()); };
  b.metrics[kRealTime].push_back(ns(outcome.wall));
  b.metrics[kCpuTime].push_back(ns(outcome.user + outcome.sys));
  b.metrics[kUserTime].push_back(ns(outcome.user));
  b.metrics[kSysTime].push_back(ns(outcome.sys));
  b.metrics[kPeakRss].push_back(static_cast<double>(outcome.peak_rss_bytes));
  result.record = std::move(record);
  return result;
}

}  // namespace benchgate::runner
