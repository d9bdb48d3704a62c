#include "core/comparison_json.h"

#include <vector>

#include "core/json_writer.h"
#include "core/noise_report.h"
#include "core/parallel_chunks.h"
#include "core/report_json.h"

namespace benchgate {
namespace {

// Keys are written in alphabetical order: the order reports have always had (nlohmann's objects
// sort their keys), so reports stay diffable against older ones.
void write_row(JsonWriter& w, const BenchmarkComparison& r, const CompareSettings& settings) {
  w.begin_object();
  w.key("base_median").value(r.base_median);
  w.key("base_n").value(r.base_n);
  w.key("base_processes").value(r.base_processes);
  w.key("base_samples").value(r.base_samples);
  w.key("blocks_gate").value(blocks_gate(r, settings));
  w.key("ci_high").value(r.ci_high);
  w.key("ci_low").value(r.ci_low);
  w.key("confidence").value(r.confidence);
  w.key("cv_base").value(r.cv_base);
  w.key("cv_head").value(r.cv_head);
  w.key("errors").value(r.errors);
  w.key("head_median").value(r.head_median);
  w.key("head_n").value(r.head_n);
  w.key("head_processes").value(r.head_processes);
  w.key("head_samples").value(r.head_samples);
  w.key("job_noise_unmeasured").value(r.job_noise_unmeasured);
  w.key("metric").value(r.metric);
  w.key("name").value(r.name);
  w.key("noisy").value(r.noisy);
  w.key("note").value(r.note);
  w.key("p_adjusted").value(r.p_adjusted);
  w.key("p_value").value(r.p_value);
  w.key("q_value").value(r.q_value);
  w.key("ratio").value(r.ratio);
  w.key("single_run").value(r.single_run);
  w.key("threshold").value(r.threshold);
  w.key("unit").value(to_string(r.unit));
  w.key("units_needed");
  if (r.units_needed)
    w.value(*r.units_needed);
  else
    w.null();
  w.key("verdict").value(to_string(r.verdict));
  w.key("warning").value(r.warning);
  w.end_object();
}

// The rows of a large comparison are most of its report: written in chunks over the cores
// (core/parallel_chunks.h), each by a writer that continues `w`, then appended in order, so the
// text is the same on any number of threads.
void write_rows(JsonWriter& w, const std::vector<BenchmarkComparison>& rows,
                const CompareSettings& settings) {
  constexpr std::size_t kChunk = 512;
  std::vector<JsonWriter> parts;
  for (std::size_t begin = 0; begin < rows.size(); begin += kChunk)
    parts.push_back(w.continuation(begin));
  parallel_chunks(rows.size(), kChunk, [&] {
    return [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) write_row(parts[begin / kChunk], rows[i], settings);
    };
  });
  for (JsonWriter& part : parts) w.append(std::move(part));
}

void write_settings(JsonWriter& w, const CompareSettings& s) {
  w.begin_object();
  w.key("alpha").value(s.alpha);
  w.key("fail_on").begin_array();
  if (s.fail_on_regression) w.value("regression");
  for (Verdict v : s.also_fail_on) w.value(to_string(v));
  w.end_array();
  w.key("higher_is_better").value(s.higher_is_better);
  w.key("metric").value(s.metric);
  w.key("test").value(to_string(s.test));
  w.key("threshold").value(s.threshold);
  w.key("trust_single_job").value(s.trust_single_job);
  w.key("trust_single_run").value(s.trust_single_run);
  w.key("warning_q").value(s.warning_q);
  w.end_object();
}

std::string document_text(const Comparison& c, const Report* report) {
  JsonWriter w;
  w.begin_object();
  w.key("base").value(c.base_label);
  w.key("benchmarks").begin_array();
  write_rows(w, c.benchmarks, c.settings);
  w.end_array();
  w.key("counts").begin_object();
  for (Verdict v : {Verdict::kImprovement, Verdict::kInconclusive, Verdict::kMissing, Verdict::kNew,
                    Verdict::kRegression, Verdict::kUnchanged, Verdict::kUntested})
    w.key(to_string(v)).value(c.count(v));
  w.end_object();
  w.key("false_alarms").value(c.false_alarms);
  w.key("head").value(c.head_label);
  if (c.job_level) {
    const JobLevelSummary& j = *c.job_level;
    w.key("job_level").begin_object();
    w.key("base_jobs").value(j.base_jobs);
    w.key("common_mode_limit").value(j.common_mode_limit);
    w.key("common_mode_removed").value(j.common_mode_removed);
    w.key("common_shift").value(j.common_shift);
    w.key("history_jobs").value(j.history_jobs);
    w.key("scatter").value(j.scatter);
    w.end_object();
  }
  w.key("method").value(c.method);
  if (report && report->noise) w.key("noise").dom(noise_json(*report->noise));
  w.key("nothing_compared").value(c.nothing_compared());
  if (report && !report->profile_notes.empty()) w.key("profile_notes").value(report->profile_notes);
  if (report && !report->profiles.empty()) {
    w.key("profiles").begin_array();
    for (const auto& finding : report->profiles) w.dom(profile_finding_json(finding));
    w.end_array();
  }
  w.key("schema").value(kComparisonSchema);
  w.key("settings");
  write_settings(w, c.settings);
  w.key("single_run").value(c.any_single_run());
  w.key("verdict").value(to_string(c.outcome()));
  w.key("warnings").value(c.warnings);
  w.end_object();
  std::string text = w.take();
  text += '\n';
  return text;
}

}  // namespace

std::string comparison_json_text(const Comparison& c) {
  return document_text(c, nullptr);
}

std::string report_json_text(const Report& report) {
  return document_text(report.comparison, &report);
}

nlohmann::json to_json(const Comparison& c) {
  return nlohmann::json::parse(comparison_json_text(c));
}

}  // namespace benchgate
