#include "core/noise_report.h"

#include <cmath>

namespace benchgate {

nlohmann::json noise_json(const NoiseReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : report.rows) {
    nlohmann::json row = {{"name", r.name},           {"rounds", r.rounds},
                          {"cv_base", r.cv_base},     {"cv_head", r.cv_head},
                          {"threshold", r.threshold}, {"gateable", r.gateable()}};
    // JSON has no infinity: null means "no change of any size was detectable".
    row["detectable_change"] =
        std::isfinite(r.detectable) ? nlohmann::json(r.detectable - 1) : nlohmann::json(nullptr);
    row["second_run_effect"] = std::isfinite(r.second_run_effect)
                                   ? nlohmann::json(r.second_run_effect - 1)
                                   : nlohmann::json(nullptr);
    rows.push_back(std::move(row));
  }
  nlohmann::json penalty = nullptr;
  if (const auto& p = report.second_run_penalty)
    penalty = {{"change", p->ratio - 1},
               {"ci_low", p->low - 1},
               {"ci_high", p->high - 1},
               {"confidence", 0.95},
               {"blocks", p->blocks}};
  return {{"design", report.design},
          {"alpha_per_benchmark", report.alpha_per_benchmark},
          {"power", report.power},
          {"second_run_penalty", std::move(penalty)},
          {"benchmarks", std::move(rows)}};
}

}  // namespace benchgate
