// `benchgate ab --base 'CMD' --head 'CMD'`: measure two already-built Google Benchmark suites in
// interleaved rounds on this machine and compare them (docs/interleaved.md).
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>

#include <fmt/format.h>

#include "ab/ab_job.h"
#include "cli/ab_command_line.h"
#include "cli/command.h"
#include "cli/compare_options.h"
#include "cli/cpus_flag.h"
#include "cli/duration_option.h"
#include "cli/help_sections.h"
#include "cli/report_output.h"
#include "core/errors.h"
#include "process/describe.h"
#include "process/self_executable.h"
#include "reporters/noise_table.h"
#include "reporters/reporter.h"
#include "runner/config.h"

namespace benchgate::cli {
namespace {

constexpr int kExitInterruptedBase = 128;  // like `benchgate run`: 128 + signal

struct AbFlags {
  std::string base, head;
  std::string rounds = std::to_string(runner::kDefaultRounds);
  int max_rounds = runner::kDefaultMaxRounds;
  std::string budget;
  int repetitions = 3;
  std::optional<std::string> filter;
  std::optional<std::uint64_t> seed;
  std::optional<double> timeout;
  std::string cpus = "auto";
  int warmup_processes = 0;
  std::string output_dir = "benchgate-ab";
  std::string format = "console";
  bool quiet = false;
  CompareFlags compare;
};

ab::AbJobSettings job_settings(const AbFlags& f) {
  ab::AbJobSettings s;
  report::make_reporter(
      f.format, report::ReportOptions{});  // an unknown format fails now, not after measuring
  s.compare = to_compare_options(f.compare);
  s.base_command = split_command_line(f.base, "--base");
  s.head_command = split_command_line(f.head, "--head");
  s.rounds = parse_rounds(f.rounds, "--rounds");
  if (!s.rounds && f.max_rounds < 4)
    throw InputError(fmt::format("--max-rounds {}: adaptive rounds need at least 4", f.max_rounds));
  s.max_rounds = f.max_rounds;
  if (!f.budget.empty()) s.budget = parse_budget(f.budget, "--budget");
  s.repetitions = f.repetitions;
  s.filter = f.filter;
  if (f.timeout && *f.timeout > 0) s.timeout_seconds = f.timeout;
  s.cpus = parse_cpus_flag(f.cpus, "--cpus");
  s.warmup_processes = f.warmup_processes;
  s.seed = f.seed.value_or(std::random_device{}());
  s.invocation = process::own_command_line();
  s.quiet = f.quiet;
  return s;
}

int run_ab_command(const AbFlags& flags) {
  const ab::AbJobSettings settings = job_settings(flags);
  if (!flags.quiet)
    fmt::print(stderr, "benchgate: interleaving base and head, seed {}\n", settings.seed);
  const ab::AbJobResult result = ab::run_ab_job(settings);
  ab::write_ab_files(result, flags.output_dir);
  ReportFlags output;
  output.format = flags.format;
  output.report_dir = flags.output_dir;
  Report contents{result.comparison};
  contents.noise = result.noise;  // the console report shows it after the comparison
  emit_reports(contents, output);
  // Machine-readable formats carry it as data; a human still wants the table on the terminal.
  if (flags.format != "console") std::fputs(report::noise_table(result.noise).c_str(), stderr);
  fmt::print(stderr, "benchgate: run records and noise report written to {}/\n", flags.output_dir);
  if (result.interrupted_by) return kExitInterruptedBase + result.interrupted_by;
  return result.comparison.fails() ? kExitRegression : kExitPass;
}

}  // namespace

void register_ab_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<AbFlags>();
  CLI::App* sub = app.add_subcommand(
      "ab",
      "Measure two built Google Benchmark suites side by side: in each round one base and one\n"
      "head process run back to back, so machine drift hits both; rounds come in AB/BA blocks\n"
      "(the block's order seeded) and the analysis pairs them: the signed-rank test of the\n"
      "per-round log ratios with the second-run penalty removed (docs/interleaved.md).\n"
      "Writes DIR/base.json, DIR/head.json, DIR/noise.json and DIR/comparison.* (every format).\n"
      "Both sides run on the same CPU (--cpus auto).");
  set_help_sections(
      *sub,
      {{"benchgate ab --base ./base/my_bench --head ./head/my_bench -o ab-out",
        "the default rounds; records and reports in ab-out/"},
       {"benchgate ab --base './base_bench' --head './head_bench' --cpus 3 --warmup-processes 1",
        "on CPU 3, with one warm-up process before each round"},
       {"benchgate ab --base ./base_bench --head ./head_bench --rounds auto --budget 10m",
        "adaptive rounds until the verdict is clear or 10 minutes are spent"}},
      "0 pass, 1 regression found, 2 usage or input error, 3 internal error\n"
      "(e.g. no round completed on both sides); 130/143 interrupted.");
  sub->add_option("--base", flags->base, "Base suite command, split like a shell (quotes work)")
      ->required();
  sub->add_option("--head", flags->head, "Head suite command, split like a shell")->required();
  sub->add_option("--rounds", flags->rounds,
                  "Rounds (one base + one head process each; odd numbers are rounded up to whole "
                  "AB/BA blocks), or 'auto' for adaptive rounds, e.g. --rounds auto")
      ->capture_default_str();
  sub->add_option("--max-rounds", flags->max_rounds, "Adaptive rounds: the most rounds to run")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  sub->add_option("--budget", flags->budget,
                  "Time budget: no round is started that would end after it (e.g. 10m)");
  sub->add_option("-r,--repetitions", flags->repetitions, "Repetitions per process")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  sub->add_option("--filter", flags->filter, "Google Benchmark --benchmark_filter regex");
  sub->add_option("--seed", flags->seed,
                  "Seed of the AB/BA blocks' orders (default random; shown)");
  add_duration_option(
      *sub, "--timeout", [flags](double s) { flags->timeout = s; },
      "Time after which one process is stopped (e.g. 90s, 2m; 0 = none)");
  sub->add_option("--cpus", flags->cpus, kCpusHelp)->capture_default_str();
  sub->add_option("--warmup-processes", flags->warmup_processes,
                  "Processes run and thrown away before each round's first measured process, "
                  "e.g. --warmup-processes 1")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  sub->add_option("-o,--output-dir", flags->output_dir, "Directory for records and reports")
      ->capture_default_str();
  sub->add_option("--format", flags->format, "Report format on stdout")->capture_default_str();
  sub->add_flag("-q,--quiet", flags->quiet, "No progress output");
  add_compare_flags(*sub, flags->compare);
  sub->callback([&action, flags] { action = [flags] { return run_ab_command(*flags); }; });
}

}  // namespace benchgate::cli
