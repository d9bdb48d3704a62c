// `benchgate bisect GOOD BAD`: which commit of the first-parent path from GOOD to BAD made the
// benchmarks slower, each step an interleaved A/B job of a commit against GOOD, both built in
// temporary worktrees (docs/history.md#benchgate-bisect). Settings come from benchgate.toml as
// for `gate --mode interleaved` (cli/gate_settings.h): its [build] command, the suite, [gate].
#include <memory>

#include <fmt/format.h>

#include "cli/ab_command_line.h"
#include "cli/bisect_output.h"
#include "cli/command.h"
#include "cli/gate_options.h"
#include "cli/gate_settings.h"
#include "cli/help_sections.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/log.h"
#include "gate/bisect.h"

namespace benchgate::cli {
namespace {

struct BisectFlags {
  GateFlags gate;  // the shared ones: config, suite, repo, max rounds, alpha, threshold, metric
  std::string good, bad;
  std::string benchmark;
  std::string budget;
  std::string format = "console";
  std::string output;
};

// 0: a culprit named; 1: no single culprit (no regression to hunt, or only a range settled);
// input and environment errors are thrown (2, 3).
int exit_code(gate::BisectOutcome outcome) {
  return outcome == gate::BisectOutcome::kFound ? kExitPass : kExitRegression;
}

int run_bisect(BisectFlags& f) {
  gate::BisectSettings settings;
  settings.gate = resolve_gate_settings(f.gate);
  settings.gate.rounds.budget.reset();  // the measuring budget of the gate; bisect has its own
  settings.good = f.good;
  settings.bad = f.bad;
  if (!f.benchmark.empty()) settings.benchmark = f.benchmark;
  if (!f.budget.empty()) settings.budget = parse_budget(f.budget, "--budget");
  const gate::BisectResult result = gate::run_bisect(settings);
  const std::string text =
      f.format == "json" ? bisect_json(result).dump(2) + "\n" : bisect_console_text(result);
  if (f.output.empty()) {
    fmt::print("{}", text);
  } else {
    write_file_atomically(f.output, text);
    log_info("wrote {}", f.output);
  }
  return exit_code(result.outcome);
}

}  // namespace

void register_bisect_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<BisectFlags>();
  CLI::App* cmd = app.add_subcommand(
      "bisect",
      "Find the commit that made benchmarks slower, between a GOOD and a BAD commit of the\n"
      "first-parent history. Step 0 measures BAD against GOOD and keeps the benchmarks that\n"
      "regressed; each next step builds the middle commit of the suspected range in a temporary\n"
      "worktree ([build] command of benchgate.toml) and measures it against GOOD in adaptive\n"
      "interleaved rounds. An inconclusive step is never guessed: the search then stops with the\n"
      "smallest range it settled. The error probability printed is the sum of the steps' alphas\n"
      "(the --alpha given is split between the steps).");
  set_help_sections(
      *cmd,
      {{"benchgate bisect v1.4 main --benchmark 'BM_Parse'",
        "which commit between v1.4 and main made BM_Parse slower"},
       {"benchgate bisect HEAD~16 HEAD --suite core --budget 30m --format json -o bisect.json",
        "one suite, at most 30 minutes of measuring, the outcome as JSON"}},
      "0 first bad commit found, 1 no single commit named (no regression between GOOD and\n"
      "BAD, or only a range settled: see the outcome), 2 usage or input error (GOOD not a\n"
      "first-parent ancestor of BAD, no [build] command), 3 environment error (a build\n"
      "failed, interrupted).");
  cmd->add_option("GOOD", flags->good, "A commit without the slowdown (a revision)")->required();
  cmd->add_option("BAD", flags->bad, "A later commit with it (a revision)")->required();
  cmd->add_option("--benchmark", flags->benchmark,
                  "Regex of the benchmarks that count (as --benchmark_filter reads it); default: "
                  "every benchmark of the suite that regressed between GOOD and BAD");
  GateFlags& g = flags->gate;
  g.config_option =
      cmd->add_option("-c,--config", g.config, "Config file: [build], suites and [gate] settings")
          ->capture_default_str();
  cmd->add_option("--suite", g.suites,
                  "The suite of the config to measure (needed when it has "
                  "more than one)");
  cmd->add_option("--repo", g.repo, "The git repository")->capture_default_str();
  cmd->add_option("--budget", flags->budget,
                  "Time the whole search may take, builds included (e.g. 30m); no step starts "
                  "after it, and a step it cuts short ends the search with a range");
  cmd->add_option("--max-rounds", g.max_rounds,
                  "The most rounds of one step (default: [gate] max_rounds)")
      ->check(CLI::Range(4, 100000));
  g.compare.alpha_option =
      cmd->add_option("--alpha", g.compare.alpha,
                      "Error probability of the whole search, split between its steps "
                      "(default: [gate] alpha, 0.05)");
  g.compare.threshold_option = cmd->add_option(
      "--threshold", g.compare.threshold,
      "Smallest change that matters, δ: a step calls a commit good only when its interval lies "
      "within ±δ (default: [gate] threshold, 5%)");
  g.compare.metric_option =
      cmd->add_option("--metric", g.compare.metric, "Metric (default: [gate] metric, real_time)");
  cmd->add_option("--format", flags->format, "console or json")
      ->check(CLI::IsMember({"console", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Write the summary to FILE instead of stdout");
  cmd->callback([&action, flags] { action = [flags] { return run_bisect(*flags); }; });
}

}  // namespace benchgate::cli
