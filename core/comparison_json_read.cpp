// Reading the comparison JSON back (comparison_json.h): for documents another run wrote, such as a
// fork's hand-off, so every field is checked and named in errors, and sizes are bounded.
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "core/comparison_json.h"
#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate {
namespace {
namespace jf = json_field;
using nlohmann::json;

// Far above any real comparison, far below anything that would make rendering it costly.
constexpr std::size_t kMaxRows = 100'000;

std::string field_path(const std::string& where, const char* key) {
  return where.empty() ? std::string(key) : where + "." + key;
}

// Non-finite numbers are written as null (comparison_json.h): null reads back as `if_null`.
double number(const json& object, const char* key, const std::string& where, double if_null) {
  const json& value = jf::member(object, key, where);
  return value.is_null() ? if_null : jf::finite_number(value, field_path(where, key));
}

std::optional<double> optional_number(const json& object, const char* key,
                                      const std::string& where) {
  const json& value = jf::member(object, key, where);
  if (value.is_null()) return std::nullopt;
  return jf::finite_number(value, field_path(where, key));
}

std::size_t count(const json& object, const char* key, const std::string& where) {
  const long long value = jf::integer(jf::member(object, key, where), field_path(where, key));
  if (value < 0) throw InputError(fmt::format("field `{}.{}`: {} is negative", where, key, value));
  return static_cast<std::size_t>(value);
}

std::string text(const json& object, const char* key, const std::string& where) {
  return jf::string(jf::member(object, key, where), field_path(where, key));
}

bool flag(const json& object, const char* key, const std::string& where) {
  return jf::boolean(jf::member(object, key, where), field_path(where, key));
}

std::vector<std::string> texts(const json& object, const char* key, const std::string& where) {
  const std::string path = field_path(where, key);
  std::vector<std::string> out;
  for (const json& item : jf::array(jf::member(object, key, where), path))
    out.push_back(jf::string(item, path + "[]"));
  return out;
}

// The enum whose to_string is `word`, among `values`.
template <typename Enum>
Enum parse_word(const json& object, const char* key, const std::string& where,
                std::initializer_list<Enum> values) {
  const std::string word = text(object, key, where);
  for (Enum value : values)
    if (to_string(value) == word) return value;
  throw InputError(fmt::format("field `{}.{}`: unknown value `{}`", where, key, word));
}

Verdict verdict(const json& object, const char* key, const std::string& where) {
  return parse_word(object, key, where,
                    {Verdict::kRegression, Verdict::kImprovement, Verdict::kUnchanged,
                     Verdict::kInconclusive, Verdict::kUntested, Verdict::kNew, Verdict::kMissing});
}

BenchmarkComparison read_row(const json& r, const std::string& where) {
  jf::object(r, where);
  BenchmarkComparison row;
  row.name = text(r, "name", where);
  row.metric = text(r, "metric", where);
  row.verdict = verdict(r, "verdict", where);
  row.unit = parse_word(r, "unit", where,
                        {AnalysisUnit::kProcessMedians, AnalysisUnit::kRepetitions,
                         AnalysisUnit::kPairedRounds, AnalysisUnit::kJobs});
  row.base_n = count(r, "base_n", where);
  row.head_n = count(r, "head_n", where);
  row.base_samples = count(r, "base_samples", where);
  row.head_samples = count(r, "head_samples", where);
  row.base_processes = count(r, "base_processes", where);
  row.head_processes = count(r, "head_processes", where);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  row.base_median = number(r, "base_median", where, nan);
  row.head_median = number(r, "head_median", where, nan);
  row.ratio = number(r, "ratio", where, nan);
  row.ci_low = number(r, "ci_low", where, 0);
  row.ci_high = number(r, "ci_high", where, std::numeric_limits<double>::infinity());
  row.confidence = number(r, "confidence", where, nan);
  row.p_value = optional_number(r, "p_value", where);
  row.p_adjusted = optional_number(r, "p_adjusted", where);
  row.q_value = optional_number(r, "q_value", where);
  row.cv_base = number(r, "cv_base", where, nan);
  row.cv_head = number(r, "cv_head", where, nan);
  row.threshold = number(r, "threshold", where, nan);
  row.noisy = flag(r, "noisy", where);
  row.warning = flag(r, "warning", where);
  row.single_run = flag(r, "single_run", where);
  row.job_noise_unmeasured = flag(r, "job_noise_unmeasured", where);
  if (!jf::member(r, "units_needed", where).is_null())
    row.units_needed = count(r, "units_needed", where);
  row.errors = texts(r, "errors", where);
  row.note = text(r, "note", where);
  return row;
}

CompareSettings read_settings(const json& s, const std::string& where) {
  jf::object(s, where);
  CompareSettings settings;
  settings.metric = text(s, "metric", where);
  settings.alpha = number(s, "alpha", where, kDefaultAlpha);
  settings.threshold = number(s, "threshold", where, kDefaultThreshold);
  settings.warning_q = number(s, "warning_q", where, settings.warning_q);
  settings.test = parse_word(s, "test", where,
                             {TestKind::kMannWhitney, TestKind::kWelch, TestKind::kSignedRank});
  settings.trust_single_run = flag(s, "trust_single_run", where);
  settings.trust_single_job = flag(s, "trust_single_job", where);
  settings.higher_is_better = flag(s, "higher_is_better", where);
  settings.fail_on_regression = false;
  const std::string fail_on = where + ".fail_on";
  for (const json& item : jf::array(jf::member(s, "fail_on", where), fail_on)) {
    const std::string word = jf::string(item, fail_on + "[]");
    const std::optional<Verdict> v = verdict_from_string(word);
    if (!v) throw InputError(fmt::format("field `{}`: unknown verdict `{}`", fail_on, word));
    if (*v == Verdict::kRegression)
      settings.fail_on_regression = true;
    else
      settings.also_fail_on.push_back(*v);
  }
  return settings;
}

}  // namespace

Comparison comparison_from_json(const json& c, const std::string& where) {
  jf::object(c, where);
  if (text(c, "schema", where) != kComparisonSchema)
    throw InputError(fmt::format("field `{}.schema`: expected `{}`", where, kComparisonSchema));
  Comparison comparison;
  comparison.settings = read_settings(jf::member(c, "settings", where), where + ".settings");
  comparison.method = text(c, "method", where);
  comparison.false_alarms = text(c, "false_alarms", where);
  comparison.base_label = text(c, "base", where);
  comparison.head_label = text(c, "head", where);
  comparison.warnings = texts(c, "warnings", where);
  const std::string rows = where + ".benchmarks";
  const json& list = jf::array(jf::member(c, "benchmarks", where), rows);
  if (list.size() > kMaxRows)
    throw InputError(fmt::format("field `{}`: more than {} rows", rows, kMaxRows));
  for (std::size_t i = 0; i < list.size(); ++i)
    comparison.benchmarks.push_back(read_row(list[i], fmt::format("{}[{}]", rows, i)));
  return comparison;
}

}  // namespace benchgate
