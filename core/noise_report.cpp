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
    rows.push_back(std::move(row));
  }
  return {{"design", report.design},
          {"alpha_per_benchmark", report.alpha_per_benchmark},
          {"power", report.power},
          {"benchmarks", std::move(rows)}};
}

}  // namespace benchgate
