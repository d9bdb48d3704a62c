// `benchgate calibrate`: measure what the gate can gate on this testbed (docs/usage.md#calibrate-
// benchgate-calibrate): the job-to-job spread and false alarms of stored mode from the recorded
// history of the default branch, optionally an interleaved A/A, and the thresholds that follow.
// Stores the calibration beside the baselines (refs/notes/benchgate-calibration) for the gate.
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/default_testbed.h"
#include "cli/gate_options.h"
#include "cli/gate_settings.h"
#include "cli/help_sections.h"
#include "core/atomic_file.h"
#include "core/calibration_json.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "gate/calibrate.h"
#include "gate/calibration_lookup.h"
#include "gate/gate_baselines.h"
#include "gate/stored_jobs.h"

namespace benchgate::cli {
namespace {

struct CalibrateFlags {
  GateFlags gate;  // the shared ones: config, suite, repo, testbed, store, remote, ...
  std::string branch;
  int jobs = gate::kHistoryCommits;
  bool interleaved = false;
  bool show = false;
  bool no_store = false;
  bool push = false;
  std::string output;
};

// Percent of a log spread or of a δ; "-" where not measured, "none" where no δ is gateable.
std::string pct(double value, bool sign = false) {
  if (std::isnan(value)) return "-";
  if (std::isinf(value)) return "none";
  return sign ? fmt::format("{:+.1f}%", value * 100) : fmt::format("{:.1f}%", value * 100);
}

std::string stored_line(const CalibrationSuite& s) {
  if (!s.stored) return "stored: no recorded job";
  const auto& st = *s.stored;
  std::string line = fmt::format(
      "stored: {} recorded jobs, {} of {} successive pairs would have "
      "failed",
      st.jobs, st.failed_pairs, st.pairs);
  if (st.jobs < gate::kFewestHistoryJobs)
    line += fmt::format(" (fewer than {} jobs: the gate cannot block on this history yet)",
                        gate::kFewestHistoryJobs);
  return line;
}

std::string interleaved_line(const CalibrationSuite& s) {
  if (!s.interleaved) return "";
  const auto& il = *s.interleaved;
  return fmt::format("interleaved A/A: {} of {} rounds complete, second-run penalty {} [{}, {}]",
                     il.rounds_complete, il.rounds_planned, pct(il.second_run_penalty, true),
                     pct(il.second_run_low, true), pct(il.second_run_high, true));
}

void print_calibration(const Calibration& c) {
  fmt::print("calibration of testbed {} at {} ({}), {}\n\n", c.testbed, short_commit(c.commit),
             c.branch, c.created_at);
  for (const auto& s : c.suites) {
    fmt::print("suite {} ({})\n  {}\n", s.name, s.metric, stored_line(s));
    if (const std::string il = interleaved_line(s); !il.empty()) fmt::print("  {}\n", il);
    std::size_t width = 9;
    for (const auto& b : s.benchmarks) width = std::max(width, b.name.size());
    fmt::print("  {:<{}}  {:>6}  {:>7}  {:>9}  {:>8}  {:>8}  {:>13}\n", "benchmark", width, "δ",
               "σ_job", "stored δ", "round SD", "2nd run", "interleaved δ");
    for (const auto& b : s.benchmarks)
      fmt::print("  {:<{}}  {:>6}  {:>7}  {:>9}  {:>8}  {:>8}  {:>13}\n", b.name, width,
                 pct(b.threshold), pct(b.job_difference_sd), pct(b.stored_gateable),
                 pct(b.round_sd), pct(b.second_run_effect, true), pct(b.interleaved_gateable));
    for (const auto& f : s.stored ? s.stored->failed : std::vector<std::string>{})
      fmt::print("  failed pair {}\n", f);
    for (const auto& line : s.interleaved ? s.interleaved->splits : std::vector<std::string>{})
      fmt::print("  A/A {}\n", line);
    fmt::print("\n");
  }
  if (c.stored_pairs > 0)
    fmt::print("false alarms: {}; real changes on {} count too: an upper bound\n",
               gate::stored_false_alarms(c), c.branch);
  if (c.interleaved_measured) fmt::print("false alarms: {}\n", gate::interleaved_false_alarms(c));
  if (!c.suggestions.empty()) {
    fmt::print("\nsuggestions:\n");
    for (const auto& s : c.suggestions) fmt::print("  {}\n", s);
  }
  if (!c.toml_snippet.empty())
    fmt::print("\nfor benchgate.toml:\n\n{}", c.toml_snippet);
  else
    fmt::print("\nthe configured thresholds can be gated as they are\n");
}

int run_calibrate(CalibrateFlags& f) {
  f.gate.results.clear();
  gate::CalibrateSettings settings;
  settings.gate = resolve_gate_settings(f.gate);
  settings.gate.push = f.push && !f.gate.no_push;
  if (!f.branch.empty()) settings.branch = f.branch;
  settings.jobs = f.jobs;
  settings.interleaved = f.interleaved;
  if (f.show) {
    gate::fetch_calibrations(settings.gate);
    const Calibration stored = gate::stored_calibration(settings);
    print_calibration(stored);
    if (!f.output.empty()) write_file_atomically(f.output, to_json(stored).dump(2) + "\n");
    return kExitPass;
  }
  gate::fetch_baselines(settings.gate);
  gate::fetch_calibrations(settings.gate);
  const Calibration calibration = gate::calibrate(settings);
  print_calibration(calibration);
  if (!f.output.empty()) {
    write_file_atomically(f.output, to_json(calibration).dump(2) + "\n");
    log_info("wrote {}", f.output);
  }
  if (f.no_store) return kExitPass;
  return gate::store_calibration(settings, calibration) ? kExitPass : kExitInternalError;
}

}  // namespace

void register_calibrate_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<CalibrateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate",
      "Measure what the gate can gate on this testbed: stored mode's job-to-job spread and its\n"
      "false alarms over successive recorded jobs of the default branch, optionally an\n"
      "interleaved A/A of the current build (--interleaved, minutes), and the per-benchmark\n"
      "thresholds that follow. Stores the calibration beside the baselines\n"
      "(refs/notes/benchgate-calibration) for the gate's method and false-alarm lines.");
  set_help_sections(
      *cmd,
      {{"benchgate calibrate", "from the recorded history of the default branch"},
       {"benchgate calibrate --interleaved --rounds 24 --push", "scheduled CI job on main"},
       {"benchgate calibrate --no-store -o calibration.json", "only print and write the JSON"},
       {"benchgate calibrate --show", "the stored calibration the gate would use"}},
      "0 done, 2 usage or input error (unknown suite, nothing recorded), 3 environment error\n"
      "(git, a failed A/A, a refused push).");
  GateFlags& g = flags->gate;
  g.config_option =
      cmd->add_option("-c,--config", g.config, "Config file: suites and [gate] settings")
          ->capture_default_str();
  cmd->add_option("--suite", g.suites, "Calibrate only this suite of the config (repeatable)");
  cmd->add_option("--repo", g.repo, "The git repository")->capture_default_str();
  cmd->add_option("--branch", flags->branch,
                  "Branch whose recorded jobs are read (default: the default branch, as the gate "
                  "resolves its target: the upstream, else <remote>/HEAD, else HEAD)");
  cmd->add_option("--testbed", g.testbed,
                  std::string("Testbed name (default: the config's testbed, else ") +
                      kThisMachineTestbed + ")");
  cmd->add_option("--store", g.store, "Baseline store: git, git:REF or dir:PATH")
      ->capture_default_str();
  cmd->add_option("--remote", g.remote, "Remote to fetch baselines from and push calibrations to")
      ->capture_default_str();
  cmd->add_option("--jobs", flags->jobs, "Recorded commits of the branch to read")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  g.max_distance = 500;
  cmd->add_option("--max-distance", g.max_distance,
                  "First-parent commits of the branch walked to find them")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  cmd->add_option("--window", g.window, "Stored jobs the gate pools (its --window)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_flag("--interleaved", flags->interleaved,
                "Also run an interleaved A/A of the suites' current build against itself");
  cmd->add_option("--rounds", g.rounds,
                  "Interleaved A/A rounds and the round budget suggestions are sized for "
                  "(default: [gate] rounds, else max_rounds)");
  cmd->add_flag("--show", flags->show,
                "Print the stored calibration of this testbed nearest to the branch tip; measure "
                "nothing");
  cmd->add_flag("--no-fetch", g.no_fetch, "Do not fetch baselines and calibrations first");
  cmd->add_flag("--no-store", flags->no_store, "Only print (and -o): do not store the calibration");
  cmd->add_flag("--push,!--no-push", flags->push,
                "Push the calibration notes to --remote after storing them (default: no push)");
  cmd->add_option("-o,--output", flags->output, "Also write the calibration JSON to FILE");
  cmd->callback([&action, flags] { action = [flags] { return run_calibrate(*flags); }; });
}

}  // namespace benchgate::cli
