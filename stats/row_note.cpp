#include "stats/row_note.h"

#include <cmath>

#include <fmt/format.h>

namespace benchgate::stats {
namespace {

std::string percent(double ratio) {
  return fmt::format("{:+.1f}%", (ratio - 1) * 100);
}

std::string unit_word(const BenchmarkComparison& row) {
  return std::string(unit_noun(row.unit));
}

// "+12.3% (95% CI +8.1% to +16.0%)", or with "CI unbounded" when n is too small for it.
std::string effect(const BenchmarkComparison& row) {
  const double level = row.confidence * 100;
  if (row.ci_low <= 0 && std::isinf(row.ci_high))
    return fmt::format("{} ({:.0f}% CI unbounded with {} vs {} {})", percent(row.ratio), level,
                       row.base_n, row.head_n, unit_word(row));
  return fmt::format("{} ({:.0f}% CI {} to {})", percent(row.ratio), level, percent(row.ci_low),
                     percent(row.ci_high));
}

std::string main_sentence(const BenchmarkComparison& row, const CompareSettings& settings,
                          bool non_positive) {
  switch (row.verdict) {
    case Verdict::kRegression:
    case Verdict::kImprovement:
      return fmt::format("{}: {}, Holm-adjusted p = {:.2g} <= alpha {}", to_string(row.verdict),
                         effect(row), *row.p_adjusted, settings.alpha);
    case Verdict::kUnchanged:
      return fmt::format("unchanged within ±{:.1f}%: {}", row.threshold * 100, effect(row));
    case Verdict::kInconclusive: {
      std::string s =
          fmt::format("inconclusive: {}, Holm-adjusted p = {:.2g}", effect(row), *row.p_adjusted);
      // How many units would settle it is a field of its own (units_needed), which reporters
      // print; the note only says when no number of samples would.
      if (row.unit == AnalysisUnit::kJobs)
        s += "; one job against stored jobs cannot settle it: `--mode interleaved` would";
      else if (!row.units_needed)
        s += "; the estimate sits on the threshold, more samples would not settle it";
      return s;
    }
    case Verdict::kUntested:
      if (non_positive)
        return fmt::format("UNTESTED: values <= 0 have no ratio; medians {} vs {}", row.base_median,
                           row.head_median);
      return fmt::format(
          "UNTESTED: fewer than 2 {} on a side (base {}, head {}); ratio of medians {} only, {} "
          "the ±{:.1f}% threshold, no statistical test",
          unit_word(row), row.base_n, row.head_n, percent(row.ratio),
          std::fabs(row.ratio - 1) >= row.threshold ? "beyond" : "within", row.threshold * 100);
    case Verdict::kNew:
      return "new: only in head";
    case Verdict::kMissing:
      return row.errors.empty() ? "missing: only in base"
                                : "missing: no head samples; see the errors reported";
  }
  return {};
}

}  // namespace

std::string verdict_note(const BenchmarkComparison& row, const CompareSettings& settings,
                         bool non_positive) {
  std::string note = main_sentence(row, settings, non_positive);
  if (row.single_run && row.verdict == Verdict::kRegression)
    note += "; unconfirmed: single process per side, between-run drift not measured";
  if (row.job_noise_unmeasured && row.verdict == Verdict::kRegression)
    note +=
        "; unconfirmed: base and head are separate jobs and the job-to-job spread is not "
        "measured";
  if (row.noisy)
    note += fmt::format("; noisy: CV {:.1f}% exceeds the {:.1f}% threshold",
                        std::fmax(row.cv_base, row.cv_head) * 100,  // fmax skips a NaN
                        row.threshold * 100);
  if (row.warning)
    note += fmt::format("; Benjamini-Hochberg q = {:.2g} <= {}: probably changed", *row.q_value,
                        settings.warning_q);
  return note;
}

}  // namespace benchgate::stats
