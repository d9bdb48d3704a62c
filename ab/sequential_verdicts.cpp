#include "ab/sequential_verdicts.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "stats/p_adjust.h"
#include "stats/verdict.h"

namespace benchgate::ab {
namespace {

std::string percent(double ratio) {
  return fmt::format("{:+.1f}%", (ratio - 1) * 100);
}

std::string interval(const BenchmarkComparison& row) {
  if (row.ci_low <= 0 && std::isinf(row.ci_high)) return "interval unbounded with so few rounds";
  return fmt::format("{:.0f}% CI {} to {}", 100 * row.confidence, percent(row.ci_low),
                     percent(row.ci_high));
}

std::string note(const BenchmarkComparison& row, const stats::SequentialState& s, bool adaptive,
                 int looks) {
  std::string text = fmt::format(
      "{}: {} ({}{}) over {} paired rounds, Holm-adjusted p = {:.2g}", to_string(row.verdict),
      percent(row.ratio), adaptive ? "repeated " : "", interval(row), s.rounds, *row.p_adjusted);
  if (adaptive) text += fmt::format(" (look {} of the adaptive design)", looks);
  if (s.last.position_adjusted)
    text += fmt::format("; second-run effect {} removed", percent(std::exp(s.last.position_log)));
  else
    text += "; rounds of one order only: the second-run effect could not be removed";
  return text;
}

}  // namespace

void apply_sequential_verdicts(Comparison& comparison, const stats::SequentialMonitor& monitor) {
  const auto& states = monitor.states();
  const auto p = monitor.sequential_p_values();
  // Adjusted p-values on the gate's scale: a suite that got a share of alpha reports them divided
  // by its share, so "p_adjusted <= alpha" reads the same in every suite.
  const stats::SequentialDesign& design = monitor.design();
  const double interval_alpha = design.interval_alpha > 0 ? design.interval_alpha : design.alpha;
  const double share = design.alpha / interval_alpha;
  auto holm = stats::holm_adjust(p);
  auto bh = stats::benjamini_hochberg_adjust(p);
  for (double& v : holm) v = std::min(1.0, v / share);
  for (double& v : bh) v = std::min(1.0, v / share);
  CompareSettings& settings = comparison.settings;
  const bool adaptive = monitor.information().size() > 1 || monitor.information().front() < 1;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < states.size(); ++i) index.emplace(states[i].name, i);
  for (auto& row : comparison.benchmarks) {
    const auto it = index.find(row.name);
    if (it == index.end() || states[it->second].z.empty()) continue;
    const std::size_t i = it->second;
    const stats::SequentialState& s = states[i];
    row.unit = AnalysisUnit::kPairedRounds;
    row.verdict = settings.higher_is_better ? stats::flip_direction(s.verdict) : s.verdict;
    row.ratio = s.ratio;
    row.ci_low = s.ci_low;
    row.ci_high = s.ci_high;
    row.confidence = 1 - interval_alpha;
    row.p_value = p[i];
    row.p_adjusted = holm[i];
    row.q_value = bh[i];
    row.base_n = row.head_n = static_cast<std::size_t>(s.rounds);
    row.single_run = false;
    row.warning = stats::bh_warning(row.verdict, bh[i], settings.warning_q);
    row.units_needed.reset();
    if (row.verdict == Verdict::kInconclusive)
      row.units_needed = stats::units_needed(
          {.design = stats::UnitDesign::kPairedRounds,
           .log_sd = s.last.log_sd,
           .current_n = static_cast<std::size_t>(s.rounds),
           .threshold = s.threshold,
           .alpha = settings.alpha,
           .family_size = static_cast<std::size_t>(std::lround(states.size() / share))});
    row.note = note(row, s, adaptive, s.z.back().first + 1);
    // The signed-rank test decided, not the two-sample test the settings asked for: the report's
    // settings line names the test behind its verdicts.
    settings.test = TestKind::kSignedRank;
  }
}

}  // namespace benchgate::ab
