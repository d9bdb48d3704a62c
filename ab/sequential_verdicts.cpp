#include "ab/sequential_verdicts.h"

#include <fmt/format.h>

#include "stats/p_adjust.h"

namespace benchgate::ab {

void apply_sequential_verdicts(Comparison& comparison, const stats::SequentialMonitor& monitor) {
  const auto& states = monitor.states();
  const auto p = monitor.sequential_p_values();
  const auto holm = stats::holm_adjust(p);
  const auto bh = stats::benjamini_hochberg_adjust(p);
  const double alpha = monitor.design().alpha;
  for (auto& row : comparison.benchmarks) {
    for (std::size_t i = 0; i < states.size(); ++i) {
      const auto& s = states[i];
      if (s.name != row.name || s.z.empty()) continue;
      row.verdict = s.verdict;
      row.ratio = s.ratio;
      row.ci_low = s.ci_low;
      row.ci_high = s.ci_high;
      row.confidence = 1 - alpha;
      row.p_value = s.last.p_value;
      row.p_adjusted = holm[i];
      row.q_value = bh[i];
      row.base_n = row.head_n = static_cast<std::size_t>(s.rounds);
      row.units_needed.reset();
      row.warning = bh[i] <= comparison.settings.warning_q && s.verdict != Verdict::kRegression &&
                    s.verdict != Verdict::kImprovement;
      row.note = fmt::format(
          "{} after {} paired rounds (group-sequential look {} of the adaptive design; repeated "
          "{:.0f}% CI {:.3f}-{:.3f})",
          to_string(s.verdict), s.rounds, s.z.back().first + 1, 100 * (1 - alpha), s.ci_low,
          s.ci_high);
    }
  }
}

}  // namespace benchgate::ab
