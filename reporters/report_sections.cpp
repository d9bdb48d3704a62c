#include "reporters/report_sections.h"

#include <algorithm>
#include <cmath>

#include "reporters/report_format.h"

namespace benchgate::report {
namespace {

// Position of a row's group in the display; lower comes first.
int display_rank(const BenchmarkComparison& row, const CompareSettings& settings) {
  switch (row.verdict) {
    case Verdict::kRegression:
      return is_unconfirmed_regression(row, settings) ? 1 : 0;
    case Verdict::kImprovement:
      return 2;
    default:
      break;
  }
  if (row.warning) return 3;
  switch (row.verdict) {
    case Verdict::kInconclusive:
      return 4;
    case Verdict::kMissing:
      return 5;
    case Verdict::kUntested:
      return 6;
    default:
      return row.errors.empty() ? 8 : 7;  // errors on an otherwise quiet row, then the quiet rest
  }
}

// How far a row's ratio lies from "no change", for putting the largest effects first. Ratios
// are compared on a log scale so that x2 and x0.5 count alike; NaN sorts last.
double effect_size(const BenchmarkComparison& row) {
  if (std::isnan(row.ratio)) return -1;
  if (row.ratio <= 0) return INFINITY;
  return std::fabs(std::log(row.ratio));
}

}  // namespace

Section section_of(const BenchmarkComparison& row) {
  if (row.verdict == Verdict::kRegression || row.verdict == Verdict::kImprovement)
    return Section::kChanged;
  const bool needs_look = row.warning || row.verdict == Verdict::kInconclusive ||
                          row.verdict == Verdict::kUntested || row.verdict == Verdict::kMissing ||
                          !row.errors.empty();
  return needs_look ? Section::kAttention : Section::kQuiet;
}

std::string_view section_title(Section section) {
  switch (section) {
    case Section::kChanged:
      return "Regressions and improvements";
    case Section::kAttention:
      return "Warnings and inconclusive";
    case Section::kQuiet:
      return "Unchanged and new";
  }
  return "";
}

std::vector<SectionRows> sections_in_display_order(const Comparison& c) {
  std::vector<const BenchmarkComparison*> rows;
  for (const auto& row : c.benchmarks) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    const int rank_a = display_rank(*a, c.settings), rank_b = display_rank(*b, c.settings);
    if (rank_a != rank_b) return rank_a < rank_b;
    if (section_of(*a) == Section::kChanged) return effect_size(*a) > effect_size(*b);
    return false;
  });
  std::vector<SectionRows> sections;
  for (const auto* row : rows) {
    const Section section = section_of(*row);
    if (sections.empty() || sections.back().section != section) sections.push_back({section, {}});
    sections.back().rows.push_back(row);
  }
  return sections;
}

}  // namespace benchgate::report
