// The interleaved A/A step of `benchgate calibrate` (gate/calibrate.h): each Google Benchmark
// suite's current build against itself, with the gate's rounds, analysed as the gate would (the
// whole job) and split into the first and second half of its AB/BA blocks.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ab/ab_job.h"
#include "core/errors.h"
#include "core/log.h"
#include "gate/calibrate_steps.h"
#include "runner/suite_gbench.h"
#include "stats/p_adjust.h"
#include "stats/paired_rounds.h"
#include "stats/verdict.h"

namespace benchgate::gate {
namespace {

namespace fs = std::filesystem;
using Series = std::map<std::string, std::vector<stats::RoundPair>>;

// The median of `metric` of each benchmark in each measured process of `record`, by round.
struct SideRounds {
  std::map<int, std::map<std::string, double>> values;  // round -> benchmark -> median
  std::map<int, int> position;                          // round -> 0 first, 1 second
};

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

SideRounds side_rounds(const RunRecord& record, const std::string& metric) {
  SideRounds out;
  std::map<int, int> round_of;  // process id -> round
  for (const auto& p : record.processes) {
    const auto tag = p.context.find("benchgate_ab");
    if (p.status != "ok" || tag == p.context.end() || !tag->is_object()) continue;
    const int round = tag->value("round", 0);
    round_of[p.id] = round;
    out.position[round] = tag->value("position", 0);
  }
  for (const auto& b : record.benchmarks) {
    const std::vector<double>* values = b.metric(metric);
    if (!values) continue;
    std::map<int, std::vector<double>> by_round;
    for (std::size_t i = 0; i < values->size() && i < b.process.size(); ++i)
      if (auto it = round_of.find(b.process[i]); it != round_of.end())
        by_round[it->second].push_back((*values)[i]);
    for (auto& [round, v] : by_round) out.values[round][b.name] = median_of(std::move(v));
  }
  return out;
}

// Per benchmark, the rounds complete on both sides, in round order.
Series round_series(const ab::AbJobResult& result, const std::string& metric) {
  const SideRounds base = side_rounds(result.base, metric);
  const SideRounds head = side_rounds(result.head, metric);
  Series out;
  for (const auto& [round, values] : base.values) {
    const auto h = head.values.find(round);
    if (h == head.values.end()) continue;
    for (const auto& [name, b] : values) {
      const auto hv = h->second.find(name);
      if (hv == h->second.end() || !(b > 0) || !(hv->second > 0)) continue;
      const auto pos = head.position.find(round);
      out[name].push_back({.round = round,
                           .base = b,
                           .head = hv->second,
                           .head_second = pos != head.position.end() && pos->second == 1});
    }
  }
  return out;
}

// Whether one split of the rounds (those of blocks in [first_block, last_block]) would have
// failed: each benchmark's paired analysis, Holm over the suite at its share of alpha, the block
// rule. Returns the regressions ("BM_X +3.1%").
std::vector<std::string> split_regressions(const Series& series, int first_block, int last_block,
                                           double alpha, const stats::CompareOptions& compare) {
  std::vector<std::string> names;
  std::vector<stats::PairedRoundsAnalysis> analyses;
  std::vector<double> p;
  for (const auto& [name, rounds] : series) {
    std::vector<stats::RoundPair> part;
    for (const auto& r : rounds) {
      const int block = (r.round + 1) / 2;
      if (block >= first_block && block <= last_block) part.push_back(r);
    }
    if (part.size() < 2) continue;
    analyses.push_back(stats::analyse_paired_rounds(part, 1 - compare.settings.alpha));
    names.push_back(name);
    p.push_back(analyses.back().p_value);
  }
  const std::vector<double> adjusted = stats::holm_adjust(p);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& a = analyses[i];
    Verdict v = stats::decide_verdict(adjusted[i], std::exp(a.log_low), std::exp(a.log_high), alpha,
                                      compare.threshold(names[i]));
    if (compare.settings.higher_is_better) v = stats::flip_direction(v);
    if (v == Verdict::kRegression)
      out.push_back(fmt::format("{} {:+.1f}%", names[i], std::expm1(a.log_ratio) * 100));
  }
  return out;
}

std::string split_line(const std::string& what, const std::vector<std::string>& regressions) {
  if (regressions.empty()) return what + ": pass";
  return fmt::format("{}: fail ({})", what, fmt::join(regressions, ", "));
}

CalibrationSuite& suite_entry(Calibration& out, const std::string& name,
                              const std::string& metric) {
  for (auto& s : out.suites)
    if (s.name == name) return s;
  CalibrationSuite& s = out.suites.emplace_back();
  s.name = name;
  s.metric = metric;
  return s;
}

CalibrationBenchmark& benchmark_entry(CalibrationSuite& s, const std::string& name,
                                      double threshold) {
  for (auto& b : s.benchmarks)
    if (b.name == name) return b;
  CalibrationBenchmark& b = s.benchmarks.emplace_back();
  b.name = name;
  b.threshold = threshold;
  return b;
}

ab::AbJobSettings aa_job(const runner::SuiteConfig& suite, const CalibrateSettings& settings,
                         std::uint64_t seed, double share) {
  const GateSettings& g = settings.gate;
  ab::AbJobSettings job;
  job.base_command = job.head_command = suite.command;
  // An A/A is sized like the gate's fixed job: adaptive gates are calibrated at their last look.
  job.rounds = g.rounds.rounds.value_or(g.rounds.max_rounds);
  job.max_rounds = g.rounds.max_rounds;
  job.repetitions = suite.repetitions;
  job.filter = suite.filter;
  job.timeout_seconds = suite.timeout_seconds;
  job.working_dir = suite.working_dir.value_or(fs::absolute(g.config_name).parent_path());
  job.cpus = suite.cpus;
  job.warmup_processes = g.rounds.warmup_processes;
  job.seed = seed;
  job.invocation = fmt::format("benchgate calibrate --interleaved --config {}", g.config_name);
  job.compare = g.compare;
  job.alpha_share = share;
  return job;
}

}  // namespace

void calibrate_interleaved(const CalibrateSettings& settings, Calibration& out) {
  const GateSettings& g = settings.gate;
  std::vector<const runner::SuiteConfig*> suites;
  std::vector<double> counts;
  for (const auto& suite : g.suites) {
    if (suite.format == runner::SuiteFormat::kCommand) {
      log_info("suite {}: a command-mode suite cannot be interleaved; no A/A for it", suite.name);
      continue;
    }
    suites.push_back(&suite);
    counts.push_back(std::max<double>(
        1, static_cast<double>(runner::probe_gbench_suite(suite).benchmarks.size())));
  }
  if (suites.empty()) {
    log_warning("--interleaved: no Google Benchmark suite to run an A/A with");
    return;
  }
  double total = 0;
  for (double c : counts) total += c;
  out.benchmarks_in_gate = std::max(out.benchmarks_in_gate, static_cast<std::size_t>(total));
  const std::uint64_t seed = g.config.run.seed.value_or(std::random_device{}());
  const int budget = g.rounds.rounds.value_or(g.rounds.max_rounds);
  out.round_budget = budget;
  const double alpha = g.compare.settings.alpha;
  bool whole_failed = false, first_failed = false, second_failed = false;
  for (std::size_t k = 0; k < suites.size(); ++k) {
    const runner::SuiteConfig& suite = *suites[k];
    const double share = counts[k] / total;
    log_info("suite {}: interleaved A/A of the current build against itself, {} rounds, seed {}",
             suite.name, budget, seed);
    const ab::AbJobResult result = ab::run_ab_job(aa_job(suite, settings, seed, share));
    if (result.interrupted_by)
      throw EnvironmentError(
          fmt::format("interrupted while running the A/A of suite {}", suite.name));

    CalibrationSuite& cs = suite_entry(out, suite.name, g.compare.settings.metric);
    CalibrationInterleaved il;
    il.rounds_planned = budget + budget % 2;
    il.rounds_complete = result.rounds_complete;
    if (const auto& p = result.noise.second_run_penalty) {
      il.second_run_penalty = p->ratio - 1;
      il.second_run_low = p->low - 1;
      il.second_run_high = p->high - 1;
      il.blocks = p->blocks;
    }
    const Series series = round_series(result, g.compare.settings.metric);
    for (const auto& row : result.noise.rows) {
      CalibrationBenchmark& b = benchmark_entry(cs, row.name, g.compare.threshold(row.name));
      b.second_run_effect =
          std::isfinite(row.second_run_effect) ? row.second_run_effect - 1 : std::nan("");
      b.rounds = row.rounds;
    }
    for (const auto& [name, rounds] : series) {
      CalibrationBenchmark& b = benchmark_entry(cs, name, g.compare.threshold(name));
      const auto a = stats::analyse_paired_rounds(rounds, 1 - alpha);
      b.round_sd = a.log_sd;
      if (b.rounds == 0) b.rounds = rounds.size();
      if (!std::isfinite(b.second_run_effect) && a.position_adjusted)
        b.second_run_effect = std::expm1(a.position_log);
    }

    // The splits: the job as the gate judged it, and each half of its blocks on its own.
    int last_block = 0;
    for (const auto& [name, rounds] : series)
      for (const auto& r : rounds) last_block = std::max(last_block, (r.round + 1) / 2);
    const int half = last_block / 2;
    std::vector<std::string> whole;
    for (const auto& row : result.comparison.benchmarks)
      if (row.verdict == Verdict::kRegression && blocks_gate(row, result.comparison.settings))
        whole.push_back(fmt::format("{} {:+.1f}%", row.name, (row.ratio - 1) * 100));
    const auto first = split_regressions(series, 1, half, alpha * share, g.compare);
    const auto second = split_regressions(series, half + 1, last_block, alpha * share, g.compare);
    // A half of a short job cannot reach Holm's first step at all (the signed-rank test's
    // smallest p is 2 / 2^n): its "pass" then says nothing, and the line says so.
    const std::size_t reachable = stats::smallest_rounds_for_significance(
        alpha * share / std::max<double>(1, static_cast<double>(series.size())));
    const auto half_label = [&](const char* which, int from, int to) {
      const int rounds = 2 * (to - from + 1);
      return fmt::format("{} half (blocks {}-{}){}", which, from, to,
                         static_cast<std::size_t>(rounds) < reachable
                             ? fmt::format(", {} rounds cannot reach significance", rounds)
                             : "");
    };
    il.splits = {split_line(fmt::format("whole job ({} rounds)", result.rounds_complete), whole),
                 split_line(half_label("first", 1, half), first),
                 split_line(half_label("second", half + 1, last_block), second)};
    il.failed_splits = !whole.empty() + !first.empty() + !second.empty();
    whole_failed = whole_failed || !whole.empty();
    first_failed = first_failed || !first.empty();
    second_failed = second_failed || !second.empty();
    for (const auto& line : il.splits) log_info("suite {}: A/A {}", suite.name, line);
    cs.interleaved = std::move(il);
  }
  // A split of the gate fails when any suite's does (each suite ran at its share of alpha).
  out.interleaved_measured = true;
  out.interleaved_splits = 3;
  out.interleaved_failed_splits = whole_failed + first_failed + second_failed;
  for (auto& cs : out.suites)
    for (auto& b : cs.benchmarks)
      if (std::isfinite(b.round_sd))
        b.interleaved_gateable =
            interleaved_gateable(b.round_sd, b.rounds, budget, alpha, out.benchmarks_in_gate);
}

}  // namespace benchgate::gate
