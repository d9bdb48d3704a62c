#pragma once
// The words and numbers every report shares, so that console, Markdown and JUnit say the same
// thing the same way. Formatting only: every value shown is a field of Comparison
// (docs/architecture.md). Untrusted text (names, labels, messages) is cleaned here; Markdown/XML
// escaping is the caller's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"

namespace benchgate::report {

// Shown where a value does not exist (no samples on that side, no test run).
inline constexpr std::string_view kAbsent = "—";

// A time in nanoseconds with three significant digits and a unit: "842 ns", "1.23 µs", "4.5 s".
std::string format_duration(double nanoseconds);
// A value of `metric`: a duration for the time metrics, otherwise an SI-scaled number ("1.23M").
std::string format_value(double value, std::string_view metric);
// A head/base ratio as a signed change: 1.073 -> "+7.3%", 0.5 -> "-50.0%", inf -> "+∞".
std::string format_change(double ratio);
// "+7.3% [+2.1%, +12.0%]"; just the change when the row has no confidence interval (untested,
// new, missing). The interval's confidence is shown only when it differs from `usual_confidence`.
std::string format_change_with_interval(const BenchmarkComparison& row,
                                        double usual_confidence = 0.95);
// A p-value: "0.034", "1.2e-05", or kAbsent when there is none.
std::string format_p(const std::optional<double>& p);
// A fraction as a percentage: 0.05 -> "5%", 0.125 -> "12.5%".
std::string format_percent(double fraction);
// The median of each side, or kAbsent for a side without samples.
std::string base_value(const BenchmarkComparison& row);
std::string head_value(const BenchmarkComparison& row);

// True for a regression that does not count towards the gate because it rests on a single
// process per side (docs/design.md#the-unit-of-analysis) and --trust-single-run was not given.
bool is_unconfirmed_regression(const BenchmarkComparison& row, const CompareSettings& settings);
// The verdict word, with "(unconfirmed)" for unconfirmed regressions.
std::string verdict_label(const BenchmarkComparison& row, const CompareSettings& settings);
// Whether single-run rows get a "single-run" marker: only when some rows are not single-run;
// otherwise single_run_note says it once for all.
bool mark_single_run_rows(const Comparison& comparison);
// Short markers for what a reader must know about a row: "noisy (CV 12%/3%)", "single-run" (if
// `mark_single_run`), "BH warning". Errors are no marker: row_explanations lists them in full.
std::vector<std::string> row_markers(const BenchmarkComparison& row, bool mark_single_run);
// What the row says about itself, cleaned, one sentence per entry: stats' note and the
// "about N per side would settle it" hint (only `with_verdict_note`, for rows whose verdict needs
// explaining), then its error messages (always).
std::vector<std::string> row_explanations(const BenchmarkComparison& row, bool with_verdict_note);

// "PASS" or "FAIL".
std::string gate_word(const Comparison& comparison);
// "2 regressions, 1 improvement, 45 unchanged, 3 inconclusive"; untested/new/missing only when
// present, unconfirmed regressions called out.
std::string summary_counts(const Comparison& comparison);
// summary_counts + " — gate: FAIL" (and why the gate passes despite regressions, if it does).
std::string summary_line(const Comparison& comparison);
// The note every report shows when some row rests on a single process per side; empty if none.
std::string single_run_note(const Comparison& comparison);

// "mode: <how the verdicts were reached> · <measured false-alarm rate on this testbed>": every
// report says which mode decided and how often it cries wolf here (or that it is not measured).
std::string method_line(const Comparison& comparison);
// "metric real_time · α = 0.05 (Holm) · δ = 5% · test mann-whitney · BH warnings at q ≤ 0.1";
// the metric name is cleaned but not escaped.
std::string settings_line(const CompareSettings& settings);

// Joins `parts` with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace benchgate::report
