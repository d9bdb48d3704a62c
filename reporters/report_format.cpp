#include "reporters/report_format.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/clean_text.h"
#include "core/run_record.h"

namespace benchgate::report {
namespace {

struct Scale {
  double factor;
  std::string_view suffix;
};

// `value` with three significant digits in the largest unit of `ladder` (ascending factors) it
// reaches, moving up a unit when rounding would print "1000".
std::string three_digits(double value, const Scale* ladder, std::size_t rungs) {
  if (!std::isfinite(value)) return "n/a";
  if (value == 0) return fmt::format("0{}", ladder[0].suffix);
  std::size_t rung = 0;
  while (rung + 1 < rungs && std::fabs(value) / ladder[rung + 1].factor >= 0.9995) ++rung;
  const double scaled = value / ladder[rung].factor;
  const double magnitude = std::fabs(scaled);
  const int decimals = magnitude >= 99.95 ? 0 : magnitude >= 9.995 ? 1 : 2;
  return fmt::format("{:.{}f}{}", scaled, decimals, ladder[rung].suffix);
}

constexpr std::array<Scale, 4> kTimeScales = {
    {{1, " ns"}, {1e3, " µs"}, {1e6, " ms"}, {1e9, " s"}}};
constexpr std::array<Scale, 5> kSiScales = {
    {{1, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "G"}, {1e12, "T"}}};

bool is_time_metric(std::string_view metric) {
  return metric == kRealTime || metric == kCpuTime;
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::size_t count_unconfirmed(const Comparison& c) {
  std::size_t n = 0;
  for (const auto& row : c.benchmarks) n += is_unconfirmed_regression(row, c.settings);
  return n;
}

}  // namespace

std::string format_duration(double nanoseconds) {
  return three_digits(nanoseconds, kTimeScales.data(), kTimeScales.size());
}

std::string format_value(double value, std::string_view metric) {
  if (is_time_metric(metric)) return format_duration(value);
  // Counters below 1 (ratios, fractions) keep their significant digits instead of rounding to 0.
  if (std::isfinite(value) && value != 0 && std::fabs(value) < 1)
    return fmt::format("{:.3g}", value);
  return three_digits(value, kSiScales.data(), kSiScales.size());
}

std::string format_change(double ratio) {
  if (std::isnan(ratio)) return "n/a";
  if (std::isinf(ratio)) return ratio > 0 ? "+∞" : "-∞";
  const double percent = (ratio - 1) * 100;
  const int decimals = std::fabs(percent) >= 99.95 ? 0 : 1;
  std::string digits = fmt::format("{:.{}f}", std::fabs(percent), decimals);
  // A change that rounds to zero has no sign ("-0.0%" would suggest a direction).
  if (digits.find_first_not_of("0.") == std::string::npos) return digits + "%";
  return fmt::format("{}{}%", percent < 0 ? "-" : "+", digits);
}

std::string format_change_with_interval(const BenchmarkComparison& row, double usual_confidence) {
  const bool has_interval = row.verdict != Verdict::kUntested && row.verdict != Verdict::kNew &&
                            row.verdict != Verdict::kMissing;
  std::string text = format_change(row.ratio);
  if (!has_interval) return text;
  // A bound of 0 or +inf (shown as -100% / +∞) is stats saying "too few samples to bound it".
  text += fmt::format(" [{}, {}]", format_change(row.ci_low), format_change(row.ci_high));
  if (row.confidence != usual_confidence)
    text += fmt::format(" ({} CI)", format_percent(row.confidence));
  return text;
}

std::string format_p(const std::optional<double>& p) {
  if (!p || !std::isfinite(*p)) return std::string(kAbsent);
  // Three decimals keep 0.049 and 0.051 apart around the usual α; smaller values need exponents.
  if (*p >= 0.001) return fmt::format("{:.3f}", *p);
  return fmt::format("{:.1e}", *p);
}

std::string format_percent(double fraction) {
  if (!std::isfinite(fraction)) return "n/a";
  return fmt::format("{:.3g}%", fraction * 100);
}

std::string base_value(const BenchmarkComparison& row) {
  return row.base_n == 0 ? std::string(kAbsent) : format_value(row.base_median, row.metric);
}

std::string head_value(const BenchmarkComparison& row) {
  return row.head_n == 0 ? std::string(kAbsent) : format_value(row.head_median, row.metric);
}

bool is_unconfirmed_regression(const BenchmarkComparison& row, const CompareSettings& settings) {
  return row.verdict == Verdict::kRegression && !blocks_gate(row, settings);
}

std::string verdict_label(const BenchmarkComparison& row, const CompareSettings& settings) {
  std::string label(to_string(row.verdict));
  if (is_unconfirmed_regression(row, settings)) label += " (unconfirmed)";
  return label;
}

bool mark_single_run_rows(const Comparison& c) {
  return !std::all_of(c.benchmarks.begin(), c.benchmarks.end(),
                      [](const BenchmarkComparison& row) { return row.single_run; });
}

std::vector<std::string> row_markers(const BenchmarkComparison& row, bool mark_single_run) {
  std::vector<std::string> markers;
  if (row.noisy)
    markers.push_back(
        fmt::format("noisy (CV {}/{})", format_percent(row.cv_base), format_percent(row.cv_head)));
  if (row.single_run && mark_single_run) markers.emplace_back("single-run");
  if (row.warning) markers.emplace_back("BH warning");
  return markers;
}

std::vector<std::string> row_explanations(const BenchmarkComparison& row, bool with_verdict_note) {
  std::vector<std::string> lines;
  if (with_verdict_note && !row.note.empty()) lines.push_back(clean_text(row.note));
  if (with_verdict_note && row.units_needed) {
    lines.push_back(fmt::format("about {} {}{} would catch a true change of {:.1f}% with 80% power",
                                *row.units_needed, unit_noun(row.unit),
                                row.unit == AnalysisUnit::kPairedRounds ? "" : " per side",
                                row.threshold * 100));
  }
  for (const auto& error : row.errors) lines.push_back("error: " + clean_text(error));
  return lines;
}

std::string gate_word(const Comparison& comparison) {
  if (comparison.fails()) return "FAIL";
  return comparison.nothing_compared() ? "NOTHING COMPARED" : "PASS";
}

std::string summary_counts(const Comparison& c) {
  if (c.benchmarks.empty()) return "no benchmarks compared";
  std::vector<std::string> parts;
  std::string regressions = plural(c.count(Verdict::kRegression), "regression");
  if (std::size_t unconfirmed = count_unconfirmed(c))
    regressions += fmt::format(" ({} unconfirmed)", unconfirmed);
  parts.push_back(std::move(regressions));
  parts.push_back(plural(c.count(Verdict::kImprovement), "improvement"));
  parts.push_back(fmt::format("{} unchanged", c.count(Verdict::kUnchanged)));
  parts.push_back(fmt::format("{} inconclusive", c.count(Verdict::kInconclusive)));
  for (Verdict rare : {Verdict::kUntested, Verdict::kNew, Verdict::kMissing})
    if (std::size_t n = c.count(rare)) parts.push_back(fmt::format("{} {}", n, to_string(rare)));
  return join(parts, ", ");
}

std::string summary_line(const Comparison& c) {
  std::string line = fmt::format("{} — gate: {}", summary_counts(c), gate_word(c));
  if (!c.settings.fail_on_regression && c.has_blocking_regression()) line += " (--fail-on never)";
  return line;
}

std::string single_run_note(const Comparison& c) {
  if (!c.any_single_run()) return {};
  if (c.settings.trust_single_run)
    return "one process per side, between-run drift not measured; regressions count towards the "
           "gate because of `--trust-single-run`";
  return "regressions unconfirmed: one process per side, between-run drift not measured; rerun "
         "with more processes or use `--trust-single-run`";
}

std::string method_line(const Comparison& c) {
  if (c.method.empty()) return {};
  std::string line = "mode: " + clean_text(c.method);
  if (!c.false_alarms.empty()) line += " · " + clean_text(c.false_alarms);
  return line;
}

std::string settings_line(const CompareSettings& s) {
  return fmt::format("metric {} · α = {:g} (Holm) · δ = {} · test {} · BH warnings at q ≤ {:g}",
                     clean_text(s.metric), s.alpha, format_percent(s.threshold), to_string(s.test),
                     s.warning_q);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace benchgate::report
