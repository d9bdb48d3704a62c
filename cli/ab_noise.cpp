#include "cli/ab_noise.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "stats/descriptive.h"
#include "stats/detectable_effect.h"

namespace benchgate::cli {
namespace {

std::string percent_change(double ratio) {
  return std::isfinite(ratio) ? fmt::format("{:.1f}%", 100 * (ratio - 1)) : "none";
}

double paired_log_sd(const stats::PairedSeries& s) {
  std::vector<double> differences;
  for (std::size_t i = 0; i < s.base.size(); ++i)
    differences.push_back(std::log(s.head[i]) - std::log(s.base[i]));
  return stats::sample_sd(differences);
}

}  // namespace

NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings, bool paired) {
  NoiseReport report;
  report.design =
      paired ? "paired t test on log(head/base) per round"
             : fmt::format("two-sample {} on per-process values", to_string(settings.test));
  report.alpha_per_benchmark =
      settings.alpha / static_cast<double>(std::max<std::size_t>(series.size(), 1));
  for (const auto& s : series) {
    NoiseRow row;
    row.name = s.name;
    row.rounds = s.base.size();
    row.cv_base = stats::coefficient_of_variation(s.base);
    row.cv_head = stats::coefficient_of_variation(s.head);
    row.threshold = s.threshold;
    stats::DetectableEffectQuestion q;
    q.n = row.rounds;
    q.alpha = report.alpha_per_benchmark;
    q.power = report.power;
    q.design = paired ? stats::EffectDesign::kPaired : stats::EffectDesign::kTwoSample;
    q.test = settings.test;
    q.log_sd = paired ? paired_log_sd(s) : stats::two_sample_log_sd(s.base, s.head);
    row.detectable = stats::detectable_ratio(q);
    report.rows.push_back(row);
  }
  return report;
}

nlohmann::json noise_json(const NoiseReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : report.rows) {
    nlohmann::json row = {{"name", r.name},           {"rounds", r.rounds},
                          {"cv_base", r.cv_base},     {"cv_head", r.cv_head},
                          {"threshold", r.threshold}, {"gateable", r.gateable()}};
    // JSON has no infinity: null means "no change of any size was detectable".
    row["detectable_change"] =
        std::isfinite(r.detectable) ? nlohmann::json(r.detectable - 1) : nlohmann::json(nullptr);
    rows.push_back(std::move(row));
  }
  return {{"design", report.design},
          {"alpha_per_benchmark", report.alpha_per_benchmark},
          {"power", report.power},
          {"benchmarks", std::move(rows)}};
}

std::string noise_text(const NoiseReport& report) {
  std::size_t width = 9;
  for (const auto& r : report.rows) width = std::max(width, r.name.size());
  std::string text = fmt::format(
      "\nNoise in this job ({}; smallest change detectable at alpha {:.2g} with {:.0f}% power):\n",
      report.design, report.alpha_per_benchmark, 100 * report.power);
  text += fmt::format("  {:<{}}  {:>6}  {:>8}  {:>8}  {:>10}  {:>6}\n", "benchmark", width,
                      "rounds", "CV base", "CV head", "detectable", "δ");
  for (const auto& r : report.rows)
    text +=
        fmt::format("  {:<{}}  {:>6}  {:>7.2f}%  {:>7.2f}%  {:>10}  {:>5.1f}%{}\n", r.name, width,
                    r.rounds, 100 * r.cv_base, 100 * r.cv_head, percent_change(r.detectable),
                    100 * r.threshold, r.gateable() ? "" : "  too noisy to gate at δ");
  return text;
}

}  // namespace benchgate::cli
