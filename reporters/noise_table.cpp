#include "reporters/noise_table.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/clean_text.h"

namespace benchgate::report {
namespace {

std::string percent_change(double ratio) {
  return std::isfinite(ratio) ? fmt::format("{:.1f}%", 100 * (ratio - 1)) : "none";
}

}  // namespace

std::string noise_table(const NoiseReport& report) {
  std::vector<std::string> names;
  std::size_t width = 9;
  for (const auto& r : report.rows) {
    names.push_back(clean_text(r.name));  // benchmark names come from the suite's output
    width = std::max(width, display_width(names.back()));
  }
  std::string text = fmt::format(
      "\nNoise in this job ({}; smallest change detectable at alpha {:.2g} with {:.0f}% power):\n",
      report.design, report.alpha_per_benchmark, 100 * report.power);
  if (const auto& p = report.second_run_penalty)
    text += fmt::format(
        "  second-run penalty on this machine: {:+.1f}% [{:+.1f}%, {:+.1f}%] over {} AB/BA "
        "blocks (removed from every estimate)\n",
        100 * (p->ratio - 1), 100 * (p->low - 1), 100 * (p->high - 1), p->blocks);
  text += fmt::format("  {:<{}}  {:>6}  {:>8}  {:>8}  {:>10}  {:>6}\n", "benchmark", width,
                      "rounds", "CV base", "CV head", "detectable", "δ");
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const NoiseRow& r = report.rows[i];
    text +=
        fmt::format("  {:<{}}  {:>6}  {:>7.2f}%  {:>7.2f}%  {:>10}  {:>5.1f}%{}\n", names[i], width,
                    r.rounds, 100 * r.cv_base, 100 * r.cv_head, percent_change(r.detectable),
                    100 * r.threshold, r.gateable() ? "" : "  too noisy to gate at δ");
  }
  return text;
}

}  // namespace benchgate::report
