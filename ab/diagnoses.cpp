#include "ab/diagnoses.h"

#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "reporters/report_format.h"
#include "stats/clusters.h"
#include "stats/descriptive.h"
#include "stats/paired_rounds.h"

namespace benchgate::ab {
namespace {

void append(BenchmarkComparison& row, const std::string& text) {
  row.note += row.note.empty() ? text : "; " + text;
}

void diagnose_clusters(BenchmarkComparison& row, const stats::PairedSeries& s) {
  int sides_with_clusters = 0;
  for (bool head : {false, true}) {
    const auto clusters = stats::two_clusters(stats::side_values(s.rounds, head));
    if (!clusters) continue;
    ++sides_with_clusters;
    append(row, fmt::format("{} processes form two clusters, {} x{} and {} x{}: a process's "
                            "timing has two states here (what ran before it in the process, or "
                            "the CPU it ran on), and the verdict pools them",
                            head ? "head" : "base", report::format_value(clusters->low, row.metric),
                            clusters->low_count, report::format_value(clusters->high, row.metric),
                            clusters->high_count));
  }
  if (sides_with_clusters == 2)
    append(row,
           "both builds show the same two states, so they are the machine's or the "
           "suite's, not the change's: pin the suite to one CPU ([run] cpus) or look at what "
           "runs before it in the process");
}

void check_asymmetric_spread(BenchmarkComparison& row, const stats::PairedSeries& s) {
  if (row.verdict != Verdict::kRegression && row.verdict != Verdict::kImprovement) return;
  const double base = log_spread(s, false), head = log_spread(s, true);
  const double larger = std::max(base, head), smaller = std::min(base, head);
  if (!(larger > row.threshold / 2) || !(larger >= kAsymmetricSpread * smaller)) return;
  // A shift many times the noisier side's spread is no burst's doing (a 2x slowdown stays one).
  if (std::fabs(std::log(row.ratio)) >= kAsymmetricSpread * larger) return;
  row.verdict = Verdict::kInconclusive;
  append(row, fmt::format("inconclusive: one side far noisier ({} spread {:.1f}% against {:.1f}%), "
                          "so its bursts could make the shift; more rounds would tell",
                          head > base ? "head" : "base", 100 * larger, 100 * smaller));
}

void compare_cpu_time(BenchmarkComparison& row, const stats::PairedSeries& cpu, double alpha) {
  if (cpu.rounds.size() < 2) return;
  const auto a = stats::analyse_paired_rounds(cpu.rounds, 1 - alpha);
  const double low = std::exp(a.log_low), high = std::exp(a.log_high);
  // Judged by the intervals, as the block rule does: moved = clear of ±δ/2, flat = inside it.
  const double half = row.threshold / 2;
  const auto flat = [half](double lo, double hi) { return lo > 1 - half && hi < 1 + half; };
  const auto moved = [half](double lo, double hi) { return lo > 1 + half || hi < 1 - half; };
  const bool cpu_flat = flat(low, high), cpu_moved = moved(low, high);
  const bool real_moved = moved(row.ci_low, row.ci_high), real_flat = flat(row.ci_low, row.ci_high);
  const std::string effect =
      fmt::format("{:+.1f}% ({:.0f}% CI {:+.1f}% to {:+.1f}%)", 100 * (std::exp(a.log_ratio) - 1),
                  100 * (1 - alpha), 100 * (low - 1), 100 * (high - 1));
  if (real_moved && cpu_flat)
    append(row, "cpu_time disagrees: " + effect +
                    ", so the wall-clock change is time spent off the CPU (waiting, I/O, "
                    "scheduling)");
  else if (real_flat && cpu_moved)
    append(row, "cpu_time moved: " + effect + ", which the wall-clock time does not show");
}

}  // namespace

double log_spread(const stats::PairedSeries& s, bool head) {
  std::vector<double> logs;
  for (double v : stats::side_values(s.rounds, head)) logs.push_back(std::log(v));
  return stats::sample_sd(logs);
}

void add_diagnoses(Comparison& comparison, const std::vector<stats::PairedSeries>& series,
                   const std::vector<stats::PairedSeries>& cpu_series) {
  std::unordered_map<std::string_view, const stats::PairedSeries*> gated, cpu;
  for (const auto& s : series) gated.emplace(s.name, &s);
  for (const auto& s : cpu_series) cpu.emplace(s.name, &s);
  for (auto& row : comparison.benchmarks) {
    if (row.unit != AnalysisUnit::kPairedRounds) continue;
    const auto it = gated.find(row.name);
    if (it == gated.end()) continue;
    check_asymmetric_spread(row, *it->second);
    diagnose_clusters(row, *it->second);
    if (const auto c = cpu.find(row.name); c != cpu.end())
      compare_cpu_time(row, *c->second, comparison.settings.alpha);
  }
}

}  // namespace benchgate::ab
