// `benchgate run [options] -- COMMAND [ARGS...]` and `benchgate run --config benchgate.toml`:
// measure suites and write one run record per suite (docs/configuration.md).
#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/cpus_flag.h"
#include "cli/default_testbed.h"
#include "cli/duration_option.h"
#include "cli/help_sections.h"
#include "core/errors.h"
#include "core/run_record_json.h"
#include "gate/run_profiles.h"
#include "process/child_environment.h"
#include "process/describe.h"
#include "process/self_executable.h"
#include "reporters/report_format.h"
#include "runner/config.h"
#include "runner/progress.h"
#include "runner/run_suites.h"
#include "stats/descriptive.h"

namespace benchgate::cli {
namespace {

// Exit codes of `benchgate run` beyond the common ones (core/errors.h): an interrupted run exits
// like a shell job killed by that signal, 128 + signal number, after writing its records.
constexpr int kExitInterruptedBase = 128;

struct RunFlags {
  std::vector<std::string> command;
  std::string output;
  std::string config_path;
  std::vector<std::string> suite_names;
  std::string name;
  std::optional<runner::SuiteFormat> format;
  std::optional<std::string> filter;
  std::optional<int> processes, repetitions, runs, warmup;
  std::optional<double> timeout;
  std::optional<std::string> cpus;
  std::optional<unsigned long long> seed;
  std::optional<std::string> testbed;
  std::string working_dir;
  bool quiet = false;
  bool profile = false, no_profile = false;
  std::optional<int> profile_frequency;
  std::string call_graph;
};

// Command-line values override the config (and the defaults) for every selected suite.
void apply_overrides(runner::SuiteConfig& suite, const RunFlags& f) {
  if (f.format) suite.format = *f.format;
  if (f.filter) suite.filter = f.filter;
  if (f.processes) suite.processes = *f.processes;
  if (f.repetitions) suite.repetitions = *f.repetitions;
  if (f.runs) suite.runs = *f.runs;
  if (f.warmup) suite.warmup = *f.warmup;
  if (f.timeout) suite.timeout_seconds = *f.timeout > 0 ? f.timeout : std::nullopt;
  if (f.cpus) suite.cpus = parse_cpus_flag(*f.cpus, "--cpus");
}

struct Selection {
  std::vector<runner::SuiteConfig> suites;
  std::optional<std::string> testbed;
  std::optional<unsigned long long> seed;
  runner::ProfileSettings profile;
  bool from_config = false;
  std::filesystem::path base_dir = ".";
};

Selection select_suites(const RunFlags& f) {
  Selection selection;
  std::string config_path = f.config_path;
  if (f.command.empty() && config_path.empty()) {
    if (!std::filesystem::exists(runner::kDefaultConfigFile))
      throw InputError(fmt::format(
          "nothing to run: give a command after `--` or a config file with --config (no {} in "
          "the current directory)",
          runner::kDefaultConfigFile));
    config_path = runner::kDefaultConfigFile;
  }
  if (!f.command.empty()) {
    if (!config_path.empty())
      throw InputError("give either a command after `--` or --config, not both");
    if (!f.suite_names.empty()) throw InputError("--suite selects suites of a --config file");
    runner::SuiteConfig suite;
    suite.command = f.command;
    suite.name = f.name.empty() ? std::filesystem::path(f.command[0]).filename().string() : f.name;
    if (!f.working_dir.empty()) suite.working_dir = f.working_dir;
    apply_overrides(suite, f);
    selection.suites.push_back(std::move(suite));
    selection.testbed = f.testbed;
    selection.seed = f.seed;
    return selection;
  }
  runner::Config config = runner::load_config(config_path);
  // Its [run] env_passthrough / env_remove apply to every child the run starts.
  process::set_child_environment_policy(config.run.environment);
  selection.from_config = true;
  selection.base_dir = std::filesystem::absolute(config_path).parent_path();
  selection.testbed = f.testbed ? f.testbed : config.testbed;
  selection.seed = f.seed ? f.seed : config.run.seed;
  selection.profile = config.run.profile;
  for (auto suite : config.select(f.suite_names)) {
    if (!f.working_dir.empty()) suite.working_dir = f.working_dir;
    apply_overrides(suite, f);
    selection.suites.push_back(std::move(suite));
  }
  return selection;
}

// One record per suite: a file for a single command, `<dir>/<suite>.json` for a config file.
std::filesystem::path output_path(const RunFlags& f, const Selection& s,
                                  const runner::SuiteConfig& suite) {
  if (!s.from_config) return f.output.empty() ? "benchgate-run.json" : f.output;
  std::filesystem::path dir = f.output.empty() ? "benchgate-runs" : f.output;
  return dir / (suite.name + ".json");
}

// `--profile` / `--no-profile` override the config's `[run] profile`. "changed" needs a
// comparison, which `run` does not make: there it profiles nothing (the gate uses it).
runner::ProfileSettings profile_settings(const RunFlags& f, const Selection& s) {
  runner::ProfileSettings settings = s.profile;
  if (f.profile) settings.mode = runner::ProfileMode::kAll;
  if (f.no_profile) settings.mode = runner::ProfileMode::kNone;
  if (f.profile_frequency) settings.frequency_hz = *f.profile_frequency;
  if (!f.call_graph.empty()) settings.call_graph = f.call_graph;
  return settings;
}

void print_summary(const runner::SuiteRun& run, const std::filesystem::path& path) {
  const RunRecord& r = run.record;
  int ok = 0;
  for (const auto& p : r.processes) ok += p.status == "ok";
  fmt::print("suite {} ({}): {}/{} processes ok, testbed {}, seed {} -> {}\n", run.suite->name,
             to_string(run.format), ok, r.processes.size(), r.testbed, r.seed.value_or(0),
             path.string());
  std::size_t width = 9;
  for (const auto& b : r.benchmarks) width = std::max(width, b.name.size());
  fmt::print("  {:<{}}  {:>7}  {:>9}  {:>14}  {}\n", "benchmark", width, "samples", "processes",
             "median time", "errors");
  for (const auto& b : r.benchmarks) {
    std::vector<int> procs = b.process;
    std::sort(procs.begin(), procs.end());
    auto distinct = std::unique(procs.begin(), procs.end()) - procs.begin();
    const auto* times = b.metric(kRealTime);
    double median = times ? stats::median(*times) : std::nan("");
    std::string errors =
        b.errors.empty() ? "" : fmt::format("{} ({})", b.errors.size(), b.errors[0].message);
    fmt::print("  {:<{}}  {:>7}  {:>9}  {:>14}  {}\n", b.name, width, b.sample_count(), distinct,
               report::format_value(median, kRealTime), errors);
  }
  for (const auto& p : r.processes)
    if (p.status != "ok") fmt::print("  process {} {}: {}\n", p.id, p.status, p.message);
}

int run_command(const RunFlags& flags) {
  Selection selection = select_suites(flags);
  runner::RunSettings settings;
  settings.testbed = selection.testbed;
  settings.seed = selection.seed;
  settings.invocation = process::own_command_line();
  settings.git_dir = selection.base_dir;
  runner::Progress progress(runner::Progress::mode_for(stderr, flags.quiet));
  runner::RunOutcome outcome = runner::run_suites(selection.suites, settings, progress);
  const runner::ProfileSettings profile = profile_settings(flags, selection);

  // Write every record first: an interrupted or partly failed run still keeps what it measured.
  for (const auto& run : outcome.suites) {
    auto path = output_path(flags, selection, *run.suite);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    write_run_record_file(run.record, path);
    print_summary(run, path);
  }
  for (const auto& w : outcome.warnings) fmt::print(stderr, "benchgate: warning: {}\n", w);
  // Profiles after every timing run, so that no timing is taken under the profiler; they never
  // change the exit code.
  if (profile.mode == runner::ProfileMode::kAll && !outcome.interrupted_by)
    gate::profile_run_suites(outcome, profile, flags.quiet, [&](const runner::SuiteRun& run) {
      return output_path(flags, selection, *run.suite);
    });
  if (outcome.interrupted_by) {
    fmt::print(stderr, "benchgate: interrupted by SIG{}; records hold what was measured so far\n",
               sigabbrev_np(outcome.interrupted_by));
    return kExitInterruptedBase + outcome.interrupted_by;
  }
  if (!outcome.complete()) {
    for (const auto& run : outcome.suites) {
      if (run.failed_processes)
        fmt::print(
            stderr,
            "benchgate: error: suite {}: {} of {} processes failed; the record is incomplete\n",
            run.suite->name, run.failed_processes, run.record.processes.size());
      if (run.benchmark_errors)
        fmt::print(stderr,
                   "benchgate: error: suite {}: {} benchmark runs reported an error "
                   "(error_occurred); they are recorded as errors, not samples\n",
                   run.suite->name, run.benchmark_errors);
    }
    return kExitInternalError;
  }
  return kExitPass;
}

}  // namespace

void register_run_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* sub = app.add_subcommand(
      "run",
      "Run benchmark suites and write run records.\n"
      "  benchgate run [options] -- COMMAND [ARGS...]   one suite, record written to -o FILE\n"
      "  benchgate run --config benchgate.toml         every [[suite]], records in -o DIR\n"
      "Google Benchmark binaries are detected and run in --processes separate processes of\n"
      "--repetitions repetitions each; other commands are timed as a whole (--runs, --warmup).\n"
      "Google Benchmark suites run on one CPU (--cpus auto; not multi-threaded ones).");
  set_help_sections(
      *sub,
      {{"benchgate run --processes 8 --repetitions 3 -o base.json -- ./build/my_bench",
        "a Google Benchmark binary in 8 processes of 3 repetitions each"},
       {"benchgate run --config benchgate.toml -o benchgate-runs",
        "every [[suite]] of the config, benchgate-runs/SUITE.json each"},
       {"benchgate run --cpus 2-3 -- ./build/bench/core_bench", "on CPUs 2-3 instead of one CPU"},
       {"benchgate run --runs 20 --warmup 2 -o tool.json -- ./build/tool convert input.txt",
        "any other command, timed as a whole"}},
      "0 every process succeeded; 2 usage or input error (bad config, command not found);\n"
      "3 the record was written but is incomplete (a process crashed, timed out or wrote\n"
      "unreadable results, or a benchmark reported an error) or an internal error;\n"
      "130 / 143 interrupted by SIGINT / SIGTERM (records hold what was measured so far).");
  sub->add_option("command", flags->command, "The command to run (after --)");
  sub->add_option("-o,--output", flags->output,
                  "Record file (default benchgate-run.json); with --config a directory that gets "
                  "SUITE.json per suite (default benchgate-runs)");
  sub->add_option("-c,--config", flags->config_path,
                  "Config file with [[suite]] tables (default: ./benchgate.toml when no command)");
  sub->add_option("--suite", flags->suite_names, "Run only this suite of the config (repeatable)");
  sub->add_option("--name", flags->name, "Suite name for a single command (default: program name)");
  sub->add_option_function<std::string>(
         "--format",
         [flags](const std::string& word) { flags->format = runner::parse_suite_format(word); },
         "auto (default), gbench, catch2, lines or command")
      ->check(
          [](const std::string& word) {
            return runner::parse_suite_format(word)
                       ? std::string()
                       : fmt::format("expected {}", runner::kSuiteFormatChoices);
          },
          "FORMAT");
  sub->add_option("--filter", flags->filter,
                  "Google Benchmark: --benchmark_filter regex; Catch2: a test spec");
  sub->add_option("-p,--processes", flags->processes,
                  "Google Benchmark: separate processes per suite (default 8)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("-r,--repetitions", flags->repetitions,
                  "Google Benchmark: repetitions per process (default 3)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--runs", flags->runs, "Command mode: timed runs (default 10)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--warmup", flags->warmup, "Command mode: untimed runs first (default 1)")
      ->check(CLI::Range(0, 100000));
  add_duration_option(
      *sub, "--timeout", [flags](double s) { flags->timeout = s; },
      "Time after which one process is stopped and marked failed (e.g. 90s, 2m; 0 = none)");
  sub->add_option("--cpus", flags->cpus,
                  std::string(kCpusHelp) + "; default: the config's cpus, else auto");
  sub->add_option("--seed", flags->seed, "Seed of the launch order (default random; recorded)");
  sub->add_option("--testbed", flags->testbed,
                  std::string("Testbed name (default: the config's testbed, else ") +
                      kThisMachineTestbed + ")");
  sub->add_option("-C,--working-dir", flags->working_dir, "Directory to run the command(s) in");
  sub->add_flag("-q,--quiet", flags->quiet, "No progress output");
  auto* profile = sub->add_flag(
      "--profile", flags->profile,
      "After the timing runs, profile every benchmark of the Google Benchmark suites with perf "
      "(NAME.json gets NAME.profiles/BENCHMARK.folded); default: the config's [run] profile");
  sub->add_flag("--no-profile", flags->no_profile, "Do not profile, whatever the config says")
      ->excludes(profile);
  sub->add_option("--profile-frequency", flags->profile_frequency,
                  "perf sampling frequency in Hz (default 999)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--call-graph", flags->call_graph,
                  "How perf walks stacks: fp (frame pointers, default) or dwarf")
      ->check(CLI::IsMember({"fp", "dwarf"}));
  sub->callback([&action, flags] { action = [flags] { return run_command(*flags); }; });
}

}  // namespace benchgate::cli
