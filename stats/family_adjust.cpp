#include "stats/family_adjust.h"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "stats/p_adjust.h"
#include "stats/verdict.h"

namespace benchgate::stats {

void adjust_across_comparisons(std::span<Comparison* const> comparisons) {
  if (comparisons.size() < 2) return;
  std::vector<BenchmarkComparison*> rows;
  std::vector<double> raw;
  const double alpha = comparisons.front()->settings.alpha;
  for (Comparison* c : comparisons) {
    if (c->settings.alpha != alpha)
      throw std::invalid_argument("the comparisons of one gate run must share alpha");
    for (auto& row : c->benchmarks)
      if (row.p_value) {
        rows.push_back(&row);
        raw.push_back(*row.p_value);
      }
  }
  const auto holm = holm_adjust(raw);
  const auto bh = benjamini_hochberg_adjust(raw);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BenchmarkComparison& row = *rows[i];
    row.p_adjusted = holm[i];
    row.q_value = bh[i];
    const bool changed =
        row.verdict == Verdict::kRegression || row.verdict == Verdict::kImprovement;
    if (changed && holm[i] > alpha) {
      row.note += fmt::format(
          "; not significant across all {} tested benchmarks of the gate's {} suites "
          "(Holm-adjusted "
          "p = {:.2g} > alpha {}): inconclusive",
          rows.size(), comparisons.size(), holm[i], alpha);
      row.verdict = Verdict::kInconclusive;
    }
    row.warning = bh_warning(row.verdict, bh[i], comparisons.front()->settings.warning_q);
  }
}

}  // namespace benchgate::stats
