#include "core/calibration_json.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate {
namespace {

namespace jf = json_field;
using nlohmann::json;

json number(double value) {
  if (std::isnan(value)) return nullptr;
  if (std::isinf(value)) return "none";
  return value;
}

// Reads what number() wrote; a missing key reads as NaN (older or hand-written files).
double read_number(const json& object, const char* key, const std::string& where) {
  const json* value = jf::optional_member(object, key, where);
  const std::string path = fmt::format("{}.{}", where, key);
  if (!value || value->is_null()) return std::nan("");
  if (value->is_string()) {
    if (value->get<std::string>() == "none") return std::numeric_limits<double>::infinity();
    throw InputError(fmt::format("{}: expected a number, null or \"none\"", path));
  }
  return jf::finite_number(*value, path);
}

std::size_t read_count(const json& object, const char* key, const std::string& where) {
  const json* value = jf::optional_member(object, key, where);
  if (!value) return 0;
  const long long n = jf::integer(*value, fmt::format("{}.{}", where, key));
  if (n < 0) throw InputError(fmt::format("{}.{}: is negative", where, key));
  return static_cast<std::size_t>(n);
}

std::string read_string(const json& object, const char* key, const std::string& where) {
  return jf::string(jf::member(object, key, where), fmt::format("{}.{}", where, key));
}

std::vector<std::string> read_strings(const json& object, const char* key,
                                      const std::string& where) {
  std::vector<std::string> out;
  const json* value = jf::optional_member(object, key, where);
  if (!value) return out;
  const std::string path = fmt::format("{}.{}", where, key);
  std::size_t i = 0;
  for (const auto& item : jf::array(*value, path))
    out.push_back(jf::string(item, fmt::format("{}[{}]", path, i++)));
  return out;
}

json benchmark_json(const CalibrationBenchmark& b) {
  return {{"name", b.name},
          {"threshold", b.threshold},
          {"job_difference_sd", number(b.job_difference_sd)},
          {"job_degrees_of_freedom", b.job_degrees_of_freedom},
          {"job_differences", b.job_differences},
          {"stored_gateable", number(b.stored_gateable)},
          {"round_sd", number(b.round_sd)},
          {"second_run_effect", number(b.second_run_effect)},
          {"rounds", b.rounds},
          {"interleaved_gateable", number(b.interleaved_gateable)}};
}

CalibrationBenchmark benchmark_from(const json& doc, const std::string& where) {
  jf::object(doc, where);
  CalibrationBenchmark b;
  b.name = read_string(doc, "name", where);
  b.threshold = jf::finite_number(jf::member(doc, "threshold", where), where + ".threshold");
  b.job_difference_sd = read_number(doc, "job_difference_sd", where);
  const double df = read_number(doc, "job_degrees_of_freedom", where);
  b.job_degrees_of_freedom = std::isfinite(df) ? df : 0;
  b.job_differences = read_count(doc, "job_differences", where);
  b.stored_gateable = read_number(doc, "stored_gateable", where);
  b.round_sd = read_number(doc, "round_sd", where);
  b.second_run_effect = read_number(doc, "second_run_effect", where);
  b.rounds = read_count(doc, "rounds", where);
  b.interleaved_gateable = read_number(doc, "interleaved_gateable", where);
  if (std::isfinite(b.job_difference_sd) && !(b.job_difference_sd >= 0))
    throw InputError(fmt::format("{}.job_difference_sd: is negative", where));
  return b;
}

json suite_json(const CalibrationSuite& s) {
  json out = {
      {"name", s.name}, {"metric", s.metric}, {"stored", nullptr}, {"interleaved", nullptr}};
  if (s.stored)
    out["stored"] = {{"jobs", s.stored->jobs},
                     {"common_mode_removed", s.stored->common_mode_removed},
                     {"common_mode_sd", number(s.stored->common_mode_sd)},
                     {"pairs", s.stored->pairs},
                     {"failed_pairs", s.stored->failed_pairs},
                     {"failed", s.stored->failed}};
  if (s.interleaved) {
    const auto& i = *s.interleaved;
    out["interleaved"] = {{"rounds_planned", i.rounds_planned},
                          {"rounds_complete", i.rounds_complete},
                          {"second_run_penalty", number(i.second_run_penalty)},
                          {"second_run_low", number(i.second_run_low)},
                          {"second_run_high", number(i.second_run_high)},
                          {"blocks", i.blocks},
                          {"splits", i.splits},
                          {"failed_splits", i.failed_splits}};
  }
  json rows = json::array();
  for (const auto& b : s.benchmarks) rows.push_back(benchmark_json(b));
  out["benchmarks"] = std::move(rows);
  return out;
}

CalibrationSuite suite_from(const json& doc, const std::string& where) {
  jf::object(doc, where);
  CalibrationSuite s;
  s.name = read_string(doc, "name", where);
  s.metric = read_string(doc, "metric", where);
  if (const json* stored = jf::optional_member(doc, "stored", where);
      stored && !stored->is_null()) {
    const std::string w = where + ".stored";
    jf::object(*stored, w);
    CalibrationStored st;
    st.jobs = read_count(*stored, "jobs", w);
    if (const json* v = jf::optional_member(*stored, "common_mode_removed", w))
      st.common_mode_removed = jf::boolean(*v, w + ".common_mode_removed");
    st.common_mode_sd = read_number(*stored, "common_mode_sd", w);
    st.pairs = read_count(*stored, "pairs", w);
    st.failed_pairs = read_count(*stored, "failed_pairs", w);
    st.failed = read_strings(*stored, "failed", w);
    s.stored = std::move(st);
  }
  if (const json* il = jf::optional_member(doc, "interleaved", where); il && !il->is_null()) {
    const std::string w = where + ".interleaved";
    jf::object(*il, w);
    CalibrationInterleaved i;
    i.rounds_planned = static_cast<int>(read_count(*il, "rounds_planned", w));
    i.rounds_complete = static_cast<int>(read_count(*il, "rounds_complete", w));
    i.second_run_penalty = read_number(*il, "second_run_penalty", w);
    i.second_run_low = read_number(*il, "second_run_low", w);
    i.second_run_high = read_number(*il, "second_run_high", w);
    i.blocks = read_count(*il, "blocks", w);
    i.splits = read_strings(*il, "splits", w);
    i.failed_splits = read_count(*il, "failed_splits", w);
    s.interleaved = std::move(i);
  }
  const std::string rows_where = where + ".benchmarks";
  std::size_t k = 0;
  for (const auto& row : jf::array(jf::member(doc, "benchmarks", where), rows_where))
    s.benchmarks.push_back(benchmark_from(row, fmt::format("{}[{}]", rows_where, k++)));
  return s;
}

}  // namespace

json to_json(const Calibration& c) {
  json suites = json::array();
  for (const auto& s : c.suites) suites.push_back(suite_json(s));
  return {{"schema", Calibration::kSchema},
          {"testbed", c.testbed},
          {"commit", c.commit},
          {"branch", c.branch},
          {"created_at", c.created_at},
          {"tool_version", c.tool_version},
          {"alpha", c.alpha},
          {"benchmarks_in_gate", c.benchmarks_in_gate},
          {"window", c.window},
          {"round_budget", c.round_budget},
          {"stored_pairs", c.stored_pairs},
          {"stored_failed_pairs", c.stored_failed_pairs},
          {"interleaved_measured", c.interleaved_measured},
          {"interleaved_splits", c.interleaved_splits},
          {"interleaved_failed_splits", c.interleaved_failed_splits},
          {"suites", std::move(suites)},
          {"suggestions", c.suggestions},
          {"toml_snippet", c.toml_snippet}};
}

Calibration calibration_from_json(const json& doc, const std::string& where) {
  jf::object(doc, where);
  const std::string schema = read_string(doc, "schema", where);
  if (schema != Calibration::kSchema)
    throw InputError(fmt::format("{}: schema \"{}\" is not {} (written by a newer benchgate?)",
                                 where, schema, Calibration::kSchema));
  Calibration c;
  c.testbed = read_string(doc, "testbed", where);
  c.commit = read_string(doc, "commit", where);
  c.created_at = read_string(doc, "created_at", where);
  if (const json* v = jf::optional_member(doc, "branch", where))
    c.branch = jf::string(*v, where + ".branch");
  if (const json* v = jf::optional_member(doc, "tool_version", where))
    c.tool_version = jf::string(*v, where + ".tool_version");
  c.alpha = jf::finite_number(jf::member(doc, "alpha", where), where + ".alpha");
  c.benchmarks_in_gate = read_count(doc, "benchmarks_in_gate", where);
  c.window = static_cast<int>(std::max<std::size_t>(1, read_count(doc, "window", where)));
  c.round_budget = static_cast<int>(read_count(doc, "round_budget", where));
  c.stored_pairs = read_count(doc, "stored_pairs", where);
  c.stored_failed_pairs = read_count(doc, "stored_failed_pairs", where);
  if (const json* v = jf::optional_member(doc, "interleaved_measured", where))
    c.interleaved_measured = jf::boolean(*v, where + ".interleaved_measured");
  c.interleaved_splits = read_count(doc, "interleaved_splits", where);
  c.interleaved_failed_splits = read_count(doc, "interleaved_failed_splits", where);
  std::size_t k = 0;
  for (const auto& s : jf::array(jf::member(doc, "suites", where), where + ".suites"))
    c.suites.push_back(suite_from(s, fmt::format("{}.suites[{}]", where, k++)));
  c.suggestions = read_strings(doc, "suggestions", where);
  if (const json* v = jf::optional_member(doc, "toml_snippet", where))
    c.toml_snippet = jf::string(*v, where + ".toml_snippet");
  if (c.testbed.empty()) throw InputError(fmt::format("{}.testbed: is empty", where));
  return c;
}

Calibration calibration_from_text(std::string_view text, const std::string& where) {
  return calibration_from_json(parse_json_text(text, where), where);
}

Calibration read_calibration_file(const std::string& path) {
  return calibration_from_json(read_json_file(path), path);
}

}  // namespace benchgate
