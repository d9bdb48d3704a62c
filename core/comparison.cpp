#include "core/comparison.h"

#include <algorithm>
#include <array>
#include <utility>

namespace benchgate {
namespace {
constexpr std::array<std::pair<Verdict, std::string_view>, 7> kVerdictWords = {{
    {Verdict::kRegression, "regression"},
    {Verdict::kImprovement, "improvement"},
    {Verdict::kUnchanged, "unchanged"},
    {Verdict::kInconclusive, "inconclusive"},
    {Verdict::kUntested, "untested"},
    {Verdict::kNew, "new"},
    {Verdict::kMissing, "missing"},
}};

// Each analysis unit's name in JSON and how a count of them reads.
struct UnitWords {
  AnalysisUnit unit;
  std::string_view name, noun;
};
constexpr std::array<UnitWords, 4> kUnitWords = {{
    {AnalysisUnit::kProcessMedians, "process-medians", "processes"},
    {AnalysisUnit::kRepetitions, "repetitions", "repetitions"},
    {AnalysisUnit::kPairedRounds, "paired-rounds", "rounds"},
    {AnalysisUnit::kJobs, "jobs", "jobs"},
}};
}  // namespace

std::string_view to_string(Verdict verdict) {
  for (const auto& [v, word] : kVerdictWords)
    if (v == verdict) return word;
  return "unknown";
}

std::optional<Verdict> verdict_from_string(std::string_view word) {
  for (const auto& [v, w] : kVerdictWords)
    if (w == word) return v;
  return std::nullopt;
}

std::string_view to_string(TestKind kind) {
  switch (kind) {
    case TestKind::kWelch:
      return "welch";
    case TestKind::kSignedRank:
      return "signed-rank";
    case TestKind::kMannWhitney:
      break;
  }
  return "mann-whitney";
}

std::string_view to_string(AnalysisUnit unit) {
  for (const auto& u : kUnitWords)
    if (u.unit == unit) return u.name;
  return "?";
}

std::string_view unit_noun(AnalysisUnit unit) {
  for (const auto& u : kUnitWords)
    if (u.unit == unit) return u.noun;
  return "?";
}

bool blocks_gate(const BenchmarkComparison& row, const CompareSettings& settings) {
  return row.verdict == Verdict::kRegression && (!row.single_run || settings.trust_single_run) &&
         (!row.job_noise_unmeasured || settings.trust_single_job);
}

bool Comparison::has_blocking_regression() const {
  return std::any_of(benchmarks.begin(), benchmarks.end(),
                     [&](const BenchmarkComparison& row) { return blocks_gate(row, settings); });
}

bool higher_is_better_by_name(std::string_view metric) {
  return metric.find("per_second") != std::string_view::npos;
}

std::string_view to_string(ComparisonOutcome outcome) {
  return outcome == ComparisonOutcome::kFail ? "fail" : "pass";
}

ComparisonOutcome Comparison::outcome() const {
  const bool other_failure =
      std::any_of(benchmarks.begin(), benchmarks.end(), [&](const BenchmarkComparison& row) {
        return std::find(settings.also_fail_on.begin(), settings.also_fail_on.end(), row.verdict) !=
               settings.also_fail_on.end();
      });
  return (settings.fail_on_regression && has_blocking_regression()) || other_failure
             ? ComparisonOutcome::kFail
             : ComparisonOutcome::kPass;
}

bool Comparison::nothing_compared() const {
  return std::all_of(benchmarks.begin(), benchmarks.end(), [](const BenchmarkComparison& row) {
    return row.verdict == Verdict::kNew || row.verdict == Verdict::kMissing;
  });
}

bool Comparison::any_single_run() const {
  return std::any_of(benchmarks.begin(), benchmarks.end(),
                     [](const BenchmarkComparison& row) { return row.single_run; });
}

std::size_t Comparison::count(Verdict verdict) const {
  return static_cast<std::size_t>(
      std::count_if(benchmarks.begin(), benchmarks.end(),
                    [&](const BenchmarkComparison& row) { return row.verdict == verdict; }));
}

}  // namespace benchgate
