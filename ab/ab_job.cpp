#include "ab/ab_job.h"

#include <unistd.h>

#include <ctime>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "ab/ab_pairing.h"
#include "ab/ab_rounds.h"
#include "ab/diagnoses.h"
#include "ab/noise_report.h"
#include "ab/round_screen.h"
#include "ab/sequential_verdicts.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/run_record_json.h"
#include "core/scratch_directory.h"
#include "core/text.h"
#include "process/cpu_affinity.h"
#include "process/describe.h"
#include "process/interrupt.h"
#include "runner/environment.h"
#include "runner/progress.h"
#include "runner/suite_binary_probe.h"
#include "stats/sequential_monitor.h"
#include "stats/verdict.h"

namespace benchgate::ab {
namespace {

using Clock = std::chrono::steady_clock;

AbSide make_side(const std::string& name, const std::vector<std::string>& command,
                 const AbJobSettings& s) {
  if (runner::probe_binary(command[0]).resolved.empty())
    throw InputError(fmt::format("--{}: command not found: {}", name, command[0]));
  AbSide side;
  side.name = name;
  side.suite.name = name;
  side.suite.command = command;
  side.suite.format = runner::SuiteFormat::kGbench;
  side.suite.filter = s.filter;
  side.suite.processes = 1;
  side.suite.repetitions = s.repetitions;
  side.suite.timeout_seconds = s.timeout_seconds;
  side.suite.working_dir =
      name == "base" && s.base_working_dir ? s.base_working_dir : s.working_dir;
  side.probe = runner::probe_gbench_suite(side.suite);
  side.warmup_processes = s.warmup_processes;
  return side;
}

// Both sides on the same CPUs: decided once, from the benchmarks of both binaries.
void choose_side_cpus(AbSide& base, AbSide& head, const runner::CpuSetting& setting) {
  std::set<std::string> benchmarks = base.probe.benchmarks;
  benchmarks.insert(head.probe.benchmarks.begin(), head.probe.benchmarks.end());
  const runner::CpuChoice choice =
      runner::choose_cpus(setting, /*gbench=*/true, benchmarks, process::allowed_cpus());
  if (!choice.unpinned_because.empty()) log_info("{}", choice.unpinned_because);
  base.cpus = head.cpus = choice.cpus;
}

RunRecord common_record(const AbSide& side, const runner::EnvironmentInfo& info,
                        const AbJobSettings& s) {
  RunRecord r;
  r.tool_version = info.benchgate_version;
  r.testbed = runner::testbed_fingerprint(info);
  r.created_at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
  r.seed = s.seed;
  r.environment = runner::environment_json(info);
  r.environment["suite"] = side.name;
  r.environment["format"] = "gbench";
  r.environment["command"] = process::shell_quote_command(side.suite.command);
  r.environment["invocation"] = s.invocation;
  r.environment["interleaved"] = {{"side", side.name},
                                  {"repetitions", s.repetitions},
                                  {"rounds", s.rounds ? nlohmann::json(*s.rounds) : "auto"},
                                  {"random_interleaving", side.probe.random_interleaving},
                                  {"warmup_processes", s.warmup_processes}};
  if (s.filter) r.environment["filter"] = *s.filter;
  return r;
}

// The analysis of the job's rounds, fixed or adaptive: one group-sequential monitor. A fixed job
// is the design with a single, final look.
struct Analysis {
  stats::SequentialMonitor monitor;
  int last_look_rounds = 0;
  bool finished = false;

  void look(const std::vector<AbRound>& rounds, const AbJobSettings& s, int max_rounds,
            const std::function<double(std::string_view)>& threshold_for, bool final) {
    int complete = 0;
    for (const auto& r : rounds) complete += r.paired();
    if (complete < 2 || complete <= last_look_rounds || finished) return;
    std::string note;
    const auto series =
        same_state_rounds(paired_series(rounds, s.compare.settings.metric, threshold_for), note);
    final = final || complete >= max_rounds;
    monitor.look(complete, series, final);
    last_look_rounds = complete;
    finished = final;
  }
};

// Screens the block starting at rounds[first]: if one of its processes was disturbed, leave the
// block out and plan another one in its place (within kMostReplaced of the plan). Returns the
// log line, or "". `scores`: the disturbance of every process of the job so far.
std::string screen_block(std::vector<AbRound>& rounds, std::size_t first,
                         const std::vector<double>& scores,
                         const std::vector<stats::PairedSeries>& series, const std::string& metric,
                         int& planned, int& replaced, int most) {
  const std::span<AbRound> block(rounds.data() + first, 2);
  auto why = disturbed_block(block, scores, metric);
  if (!why) why = disturbed_as_a_whole(series, block[0].round);
  if (!why) return "";
  if (replaced + 2 > most)
    return fmt::format("{}; kept: {} rounds were replaced already, the most this job adds", *why,
                       replaced);
  for (AbRound& r : block) r.excluded = *why;
  replaced += 2;
  planned += 2;
  return fmt::format("{}: rounds {} and {} are left out and replaced by another block", *why,
                     block[0].round, block[1].round);
}

// With few rounds the exact signed-rank test cannot reach Holm's first step at all (its smallest
// p is 2 / 2^n): say so, or an "inconclusive" there looks like a measurement problem rather than
// a design one.
std::string unreachable_significance(const stats::SequentialMonitor& monitor) {
  int rounds = 0;
  for (const auto& s : monitor.states()) rounds = std::max(rounds, s.rounds);
  const double first_step = monitor.design().alpha /
                            static_cast<double>(std::max<std::size_t>(monitor.states().size(), 1));
  const auto needed = static_cast<int>(stats::smallest_rounds_for_significance(first_step));
  if (rounds == 0 || rounds >= needed) return "";
  return fmt::format(
      "{} paired rounds cannot make any benchmark significant: the signed-rank test's smallest "
      "p-value with {} rounds is {:.2g}, and Holm's first step across {} benchmarks needs p <= "
      "{:.2g}; use at least {} rounds",
      rounds, rounds, 2 / std::ldexp(1.0, rounds), monitor.states().size(), first_step,
      needed + needed % 2);
}

// Whether another block of two rounds still fits in the budget, from the mean round so far.
bool block_fits(const AbJobSettings& s, double elapsed, int rounds_done) {
  return !s.budget || rounds_done == 0 || elapsed + 2 * elapsed / rounds_done <= s.budget->count();
}

}  // namespace

// Long (about 120 lines) on purpose: the round loop, its stopping rules (budget, interrupt,
// adaptive looks), the screening of blocks and the warnings they leave read best as one sequence.
AbJobResult run_ab_job(const AbJobSettings& s) {
  if (s.base_command.empty() || s.head_command.empty()) throw InputError("--base/--head: empty");
  process::install_interrupt_handlers();
  const runner::EnvironmentInfo info = runner::capture_environment();
  AbSide base = make_side("base", s.base_command, s);
  AbSide head = make_side("head", s.head_command, s);
  choose_side_cpus(base, head, s.cpus);
  const auto threshold_for = [&s](std::string_view name) { return s.compare.threshold(name); };

  AbJobResult result;
  result.adaptive = !s.rounds.has_value();
  const int requested = s.rounds.value_or(s.max_rounds);
  const int planned = whole_blocks(requested);
  std::vector<std::string> design_notes;
  if (planned != requested) {
    design_notes.push_back(fmt::format(
        "{} rounds were asked for; rounds come in AB/BA blocks of two, so {} were planned",
        requested, planned));
    log_info("{}", design_notes.back());
  }
  Analysis analysis{stats::SequentialMonitor({.alpha = s.compare.settings.alpha * s.alpha_share,
                                              .interval_alpha = s.compare.settings.alpha,
                                              .max_rounds = planned})};
  ScratchDirectory scratch("benchgate-ab");
  runner::Progress quiet(runner::Progress::Mode::kQuiet);
  std::vector<AbRound> rounds;
  std::vector<double> disturbance;  // of every process so far
  std::vector<std::string> screen_notes;
  int rounds_to_run = planned, replaced = 0, next_look = s.look_every;
  const int most_replaced = 2 * static_cast<int>(std::ceil(kMostReplaced * planned / 2));
  std::string stop_reason;
  const auto start = Clock::now();
  for (int round = 1; round <= rounds_to_run; ++round) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    // Budgets stop between blocks, so that every block keeps both of its orders.
    if (round % 2 == 1 && !block_fits(s, elapsed, round - 1)) {
      stop_reason = fmt::format("the time budget of {} would be exceeded by another block",
                                seconds_text(s.budget->count()));
      break;
    }
    rounds.push_back(run_ab_round(base, head, round, s.seed, scratch.path(), quiet));
    for (const auto& failure : rounds.back().failures)
      log_info("round {}, {} process (attempt {} of {}) failed: {}", round,
               failure.context["benchgate_ab"]["side"].get<std::string>(),
               failure.context["benchgate_ab"]["attempt"].get<int>(), 1 + kAbRetries,
               failure.message);
    if ((result.interrupted_by = process::interrupt_signal())) break;
    const double now = std::chrono::duration<double>(Clock::now() - start).count();
    if (!s.quiet)
      log_info("round {}/{} {} ({} first) · {} elapsed · ETA {}", round, rounds_to_run,
               rounds.back().complete() ? "done" : "INCOMPLETE",
               rounds.back().base_first ? "base" : "head", seconds_text(now),
               seconds_text(now / round * (rounds_to_run - round)));
    if (round % 2 == 0) {
      for (std::size_t i = rounds.size() - 2; i < rounds.size(); ++i)
        for (const auto& side : {rounds[i].base, rounds[i].head})
          if (side) disturbance.push_back(process_disturbance(*side, s.compare.settings.metric));
      // What is typical needs two blocks: the first block is judged together with the second.
      for (std::size_t first : first_rounds_to_screen(rounds.size())) {
        const std::string note =
            screen_block(rounds, first, disturbance,
                         paired_series(rounds, s.compare.settings.metric, threshold_for),
                         s.compare.settings.metric, rounds_to_run, replaced, most_replaced);
        if (!note.empty()) {
          log_info("{}", note);
          screen_notes.push_back(note);
        }
      }
    }
    int paired = 0;
    for (const auto& r : rounds) paired += r.paired();
    if (result.adaptive && paired < planned && paired >= next_look) {
      next_look += s.look_every;
      analysis.look(rounds, s, planned, threshold_for, /*final=*/false);
      if (analysis.monitor.all_decided() && !analysis.monitor.states().empty()) {
        stop_reason = fmt::format("every benchmark was decided after {} rounds", round);
        break;
      }
    }
  }
  analysis.look(rounds, s, planned, threshold_for, /*final=*/true);

  const AbRecords records =
      assemble_records(rounds, common_record(base, info, s), common_record(head, info, s));
  result.base = records.base;
  result.head = records.head;
  result.rounds_run = static_cast<int>(rounds.size());
  result.rounds_complete = result.rounds_run - static_cast<int>(records.incomplete_rounds.size() +
                                                                records.excluded_rounds.size());
  if (result.rounds_complete == 0)
    throw EnvironmentError(fmt::format(
        "no round completed on both sides ({} run); see the failures above", result.rounds_run));

  result.comparison = stats::compare_runs(records.base_paired, records.head_paired, s.compare);
  result.comparison.base_label = process::shell_quote_command(s.base_command);
  result.comparison.head_label = process::shell_quote_command(s.head_command);
  const std::vector<stats::PairedSeries> series =
      paired_series(rounds, s.compare.settings.metric, threshold_for);
  std::string state_note;
  const std::vector<stats::PairedSeries> analysed = same_state_rounds(series, state_note);
  apply_sequential_verdicts(result.comparison, analysis.monitor);
  result.comparison.method = fmt::format(
      "interleaved: {} {} rounds in AB/BA blocks, paired by round (signed-rank on "
      "position-adjusted log ratios)",
      result.rounds_complete, result.adaptive ? "adaptive" : "fixed");
  add_diagnoses(result.comparison, series,
                s.compare.settings.metric == kCpuTime
                    ? std::vector<stats::PairedSeries>{}
                    : paired_series(rounds, std::string(kCpuTime), threshold_for));
  auto& warnings = result.comparison.warnings;
  warnings.insert(warnings.end(), design_notes.begin(), design_notes.end());
  warnings.insert(warnings.end(), screen_notes.begin(), screen_notes.end());
  if (!state_note.empty()) warnings.push_back(state_note);
  if (!records.incomplete_rounds.empty())
    warnings.push_back(fmt::format(
        "round(s) {} were incomplete (a process failed, was retried and failed again); the "
        "comparison uses the {} rounds complete on both sides",
        fmt::join(records.incomplete_rounds, ", "), result.rounds_complete));
  if (result.adaptive)
    warnings.push_back(fmt::format(
        "adaptive rounds: {} of at most {} rounds{}; verdicts use a group-sequential design "
        "(O'Brien-Fleming alpha spending, looks every {} rounds, Holm across benchmarks)",
        result.rounds_run, planned, stop_reason.empty() ? "" : " — " + stop_reason, s.look_every));
  else if (!stop_reason.empty())
    warnings.push_back(
        fmt::format("stopped after {} of {} rounds: {}", result.rounds_run, planned, stop_reason));
  if (const std::string why = unreachable_significance(analysis.monitor); !why.empty())
    warnings.push_back(why);
  if (result.interrupted_by)
    warnings.push_back(fmt::format("interrupted by SIG{} after {} rounds",
                                   sigabbrev_np(result.interrupted_by), result.rounds_run));
  result.noise = noise_report(analysed, s.compare.settings);
  return result;
}

void write_ab_files(const AbJobResult& result, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  write_run_record_file(result.base, dir / "base.json");
  write_run_record_file(result.head, dir / "head.json");
  write_file_atomically(dir / "noise.json", noise_json(result.noise).dump(2) + "\n");
}

}  // namespace benchgate::ab
