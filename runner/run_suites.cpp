#include "runner/run_suites.h"

#include <stdlib.h>

#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/scratch_directory.h"
#include "git/work_tree_state.h"
#include "process/cpu_affinity.h"
#include "process/describe.h"
#include "process/interrupt.h"
#include "runner/command_timer.h"
#include "runner/environment.h"
#include "runner/progress.h"
#include "runner/run_plan.h"
#include "runner/suite_binary_probe.h"
#include "runner/suite_catch2.h"
#include "runner/suite_gbench.h"
#include "runner/suite_lines.h"

namespace benchgate::runner {
namespace {

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// Everything known about one suite while it runs.
struct SuiteState {
  const SuiteConfig* suite = nullptr;
  SuiteFormat format = SuiteFormat::kCommand;
  GbenchProbe gbench;
  BinaryProbe binary;
  std::optional<std::vector<int>> cpus;  // every process of the suite runs here (choose_cpus)
  std::vector<std::optional<LaunchResult>> launches;  // by process index; nullopt = never ran
  std::vector<int> launch_order;                      // position of each process in the plan
};

int processes_of(const SuiteState& s) {
  return s.format == SuiteFormat::kCommand ? s.suite->runs : s.suite->processes;
}

LaunchResult run_launch(const SuiteState& s, const Launch& launch, const ScratchDirectory& scratch,
                        Progress& progress) {
  if (s.format == SuiteFormat::kCommand) return run_timed_command(*s.suite, s.cpus);
  if (s.format == SuiteFormat::kLines) return run_lines_process(*s.suite, s.cpus);
  if (s.format == SuiteFormat::kCatch2)
    return run_catch2_process(
        *s.suite, s.cpus, scratch.path() / fmt::format("{}-{}.xml", s.suite->name, launch.process));
  auto out = scratch.path() / fmt::format("{}-{}.json", s.suite->name, launch.process);
  return run_gbench_process(*s.suite, s.gbench, s.cpus, out, progress);
}

nlohmann::json suite_environment(const SuiteState& s, const EnvironmentInfo& info,
                                 const RunSettings& settings) {
  nlohmann::json env = environment_json(info);
  env["suite"] = s.suite->name;
  env["format"] = std::string(to_string(s.format));
  env["command"] = process::shell_quote_command(s.suite->command);
  env["invocation"] = settings.invocation;
  env["compiler"] = s.binary.compiler;
  if (s.suite->working_dir) env["working_dir"] = s.suite->working_dir->string();
  if (s.suite->timeout_seconds) env["timeout_seconds"] = *s.suite->timeout_seconds;
  if (s.format == SuiteFormat::kGbench) {
    env["processes"] = s.suite->processes;
    env["repetitions"] = s.suite->repetitions;
    env["random_interleaving"] = s.gbench.random_interleaving;
    if (s.suite->filter) env["filter"] = *s.suite->filter;
  } else if (s.format == SuiteFormat::kCatch2 || s.format == SuiteFormat::kLines) {
    env["processes"] = s.suite->processes;
    if (s.suite->filter) env["filter"] = *s.suite->filter;
  } else {
    env["runs"] = s.suite->runs;
    env["warmup"] = s.suite->warmup;
  }
  return env;
}

// Assembles a suite's record from its launches, in process order.
SuiteRun finish_suite(SuiteState& s, const RunRecord& common, int interrupted_by,
                      std::vector<std::string>& warnings) {
  SuiteRun run;
  run.suite = s.suite;
  run.format = s.format;
  run.record = common;
  RunRecord& record = run.record;
  bool debug_warned = false;
  const int total = processes_of(s);
  for (int k = 0; k < total; ++k) {
    auto& launch = s.launches[k];
    if (launch && launch->record) {
      for (auto& p : launch->record->processes)
        p.context["benchgate_launch_order"] = s.launch_order[k];
      merge_records(record, *launch->record);
      const auto& context = launch->record->processes.empty()
                                ? nlohmann::json::object()
                                : launch->record->processes[0].context;
      if (!debug_warned && context.value("library_build_type", "") == "debug") {
        debug_warned = true;
        warnings.push_back(fmt::format(
            "suite {}: Google Benchmark reports library_build_type \"debug\": the benchmark "
            "library was built without NDEBUG (Debian's libbenchmark is); this says nothing "
            "about your own code, but check that the benchmarks are built with optimisation",
            s.suite->name));
      }
      continue;
    }
    ProcessInfo info;
    info.id = static_cast<int>(record.processes.size());
    if (launch) {
      info = launch->process;
      info.id = static_cast<int>(record.processes.size());
      ++run.failed_processes;
    } else {
      info.source = process::shell_quote_command(s.suite->command);
      info.status = "missing";
      info.message = interrupted_by ? fmt::format("not run: benchgate was interrupted by SIG{}",
                                                  sigabbrev_np(interrupted_by))
                                    : "not run";
      ++run.missing_processes;
    }
    record.notes.push_back(fmt::format("process {} {}: {}", info.id, info.status, info.message));
    record.processes.push_back(std::move(info));
  }
  for (const auto& b : record.benchmarks) run.benchmark_errors += static_cast<int>(b.errors.size());
  if (run.failed_processes || run.missing_processes)
    record.notes.push_back(fmt::format(
        "incomplete: {} of {} processes failed and {} never ran; their samples are missing",
        run.failed_processes, total, run.missing_processes));
  for (const auto& w : warnings) record.notes.push_back("warning: " + w);
  return run;
}

}  // namespace

bool RunOutcome::complete() const {
  if (interrupted_by) return false;
  for (const auto& s : suites)
    if (s.failed_processes || s.missing_processes || s.benchmark_errors) return false;
  return true;
}

SuiteFormat resolve_suite_format(const SuiteConfig& suite, const BinaryProbe& binary) {
  if (suite.format != SuiteFormat::kAuto) return suite.format;
  if (binary.links_google_benchmark) return SuiteFormat::kGbench;
  return binary.links_catch2 ? SuiteFormat::kCatch2 : SuiteFormat::kCommand;
}

// Long on purpose (about 80 lines): planning, launching in the seeded order and gathering the
// records are one pass over the suites' state.
RunOutcome run_suites(const std::vector<SuiteConfig>& suites, const RunSettings& settings,
                      Progress& progress) {
  process::install_interrupt_handlers();
  RunOutcome outcome;
  // The machine before anything ran: load average measured now, not after our own launches.
  const EnvironmentInfo info = capture_environment();
  const std::vector<std::string> machine_warnings = environment_warnings(info);
  outcome.warnings = machine_warnings;

  RunRecord common;
  common.tool_version = info.benchgate_version;
  common.testbed = settings.testbed.value_or(testbed_fingerprint(info));
  common.created_at = utc_now();
  common.seed = settings.seed.value_or(random_seed());
  if (auto work_tree = git::work_tree_state(settings.git_dir)) {
    common.commit = work_tree->commit;
    common.dirty = work_tree->dirty;
  }

  std::vector<SuiteState> states;
  std::vector<SuiteLaunchCount> counts;
  for (const auto& suite : suites) {
    if (suite.command.empty()) throw InputError(fmt::format("suite {}: no command", suite.name));
    SuiteState s;
    s.suite = &suite;
    s.binary = probe_binary(suite.command[0]);
    s.format = resolve_suite_format(suite, s.binary);
    if (s.binary.resolved.empty())
      throw InputError(
          fmt::format("suite {}: command not found: {}", suite.name, suite.command[0]));
    if (s.format == SuiteFormat::kGbench) s.gbench = probe_gbench_suite(suite);
    const CpuChoice cpus = choose_cpus(suite.cpus, s.format == SuiteFormat::kGbench,
                                       s.gbench.benchmarks, process::allowed_cpus());
    if (!cpus.unpinned_because.empty()) log_info("suite {}: {}", suite.name, cpus.unpinned_because);
    s.cpus = cpus.cpus;
    s.launches.resize(processes_of(s));
    s.launch_order.assign(processes_of(s), -1);
    counts.push_back({s.format == SuiteFormat::kCommand ? suite.warmup : 0, processes_of(s)});
    states.push_back(std::move(s));
  }

  const std::vector<Launch> plan = plan_launches(counts, *common.seed);
  ScratchDirectory scratch("benchgate-run");
  progress.begin(static_cast<int>(plan.size()));
  int position = 0;
  for (const Launch& launch : plan) {
    if ((outcome.interrupted_by = process::interrupt_signal())) break;
    SuiteState& s = states[launch.suite];
    const int expected = s.format == SuiteFormat::kGbench
                             ? static_cast<int>(s.gbench.benchmarks.size()) * s.suite->repetitions
                             : 0;
    progress.launch_started(launch.warmup ? s.suite->name + " (warm-up)" : s.suite->name,
                            launch.process + 1, launch.warmup ? s.suite->warmup : processes_of(s),
                            expected);
    LaunchResult result = run_launch(s, launch, scratch, progress);
    const bool ok = result.process.status == "ok";
    if (!ok && process::interrupt_signal()) {
      // We stopped this child ourselves: an unfinished process, not a failure of the benchmark.
      outcome.interrupted_by = process::interrupt_signal();
      break;
    }
    std::string problem = ok ? ""
                             : fmt::format("benchgate: suite {}{}, process {}: {}", s.suite->name,
                                           launch.warmup ? " (warm-up)" : "", launch.process + 1,
                                           result.process.message);
    if (!launch.warmup) {
      s.launch_order[launch.process] = position++;
      s.launches[launch.process] = std::move(result);
    }
    progress.launch_finished(ok, problem);
  }
  if (!outcome.interrupted_by) outcome.interrupted_by = process::interrupt_signal();
  progress.finish();

  for (auto& s : states) {
    RunRecord common_for_suite = common;
    common_for_suite.environment = suite_environment(s, info, settings);
    std::vector<std::string> suite_warnings = machine_warnings;
    size_t before = suite_warnings.size();
    outcome.suites.push_back(
        finish_suite(s, common_for_suite, outcome.interrupted_by, suite_warnings));
    for (size_t i = before; i < suite_warnings.size(); ++i)
      outcome.warnings.push_back(suite_warnings[i]);
  }
  return outcome;
}

}  // namespace benchgate::runner
