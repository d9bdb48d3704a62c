#include "core/comparison_json.h"

#include <cmath>

namespace benchgate {
using nlohmann::json;
namespace {

json finite_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json optional_number(const std::optional<double>& v) { return v ? finite_or_null(*v) : json(nullptr); }

json row_to_json(const BenchmarkComparison& r, const CompareSettings& settings) {
  return {{"name", r.name},
          {"metric", r.metric},
          {"verdict", to_string(r.verdict)},
          {"blocks_gate", blocks_gate(r, settings)},
          {"base_n", r.base_n},
          {"head_n", r.head_n},
          {"unit", to_string(r.unit)},
          {"base_samples", r.base_samples},
          {"head_samples", r.head_samples},
          {"base_processes", r.base_processes},
          {"head_processes", r.head_processes},
          {"base_median", finite_or_null(r.base_median)},
          {"head_median", finite_or_null(r.head_median)},
          {"ratio", finite_or_null(r.ratio)},
          {"ci_low", finite_or_null(r.ci_low)},
          {"ci_high", finite_or_null(r.ci_high)},
          {"confidence", r.confidence},
          {"p_value", optional_number(r.p_value)},
          {"p_adjusted", optional_number(r.p_adjusted)},
          {"q_value", optional_number(r.q_value)},
          {"cv_base", finite_or_null(r.cv_base)},
          {"cv_head", finite_or_null(r.cv_head)},
          {"threshold", r.threshold},
          {"noisy", r.noisy},
          {"warning", r.warning},
          {"single_run", r.single_run},
          {"units_needed", r.units_needed ? json(*r.units_needed) : json(nullptr)},
          {"errors", r.errors},
          {"note", r.note}};
}

json fail_on_words(const CompareSettings& s) {
  json words = json::array();
  if (s.fail_on_regression) words.push_back("regression");
  for (Verdict v : s.also_fail_on) words.push_back(to_string(v));
  return words;
}

}  // namespace

json to_json(const Comparison& c) {
  json rows = json::array();
  for (const auto& r : c.benchmarks) rows.push_back(row_to_json(r, c.settings));
  json counts = json::object();
  for (Verdict v : {Verdict::kRegression, Verdict::kImprovement, Verdict::kUnchanged,
                    Verdict::kInconclusive, Verdict::kUntested, Verdict::kNew, Verdict::kMissing})
    counts[std::string(to_string(v))] = c.count(v);
  return {{"schema", kComparisonSchema},
          {"verdict", c.overall()},
          {"single_run", c.any_single_run()},
          {"base", c.base_label},
          {"head", c.head_label},
          {"settings",
           {{"metric", c.settings.metric},
            {"alpha", c.settings.alpha},
            {"threshold", c.settings.threshold},
            {"warning_q", c.settings.warning_q},
            {"test", to_string(c.settings.test)},
            {"trust_single_run", c.settings.trust_single_run},
            {"higher_is_better", c.settings.higher_is_better},
            {"fail_on", fail_on_words(c.settings)}}},
          {"counts", std::move(counts)},
          {"warnings", c.warnings},
          {"benchmarks", std::move(rows)}};
}

}  // namespace benchgate
