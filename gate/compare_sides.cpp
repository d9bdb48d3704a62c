#include "gate/compare_sides.h"

#include <optional>

#include "gate/calibration_lookup.h"
#include "gate/gate_suites.h"

namespace benchgate::gate {

Comparison compare_sides(const CompareSides& sides, stats::CompareOptions options,
                         const std::string& calibration_file, const std::string& suite) {
  const bool separate_jobs = !sides.base_jobs.empty() || !from_one_job(sides.base, sides.head);
  if (!separate_jobs) return stats::compare_runs(sides.base, sides.head, options);

  std::optional<CalibratedSpread> calibrated;
  if (!calibration_file.empty())
    calibrated = load_calibration_spread(
        calibration_file, suite.empty() ? suite_of(sides.head) : suite, sides.head.testbed);
  stats::AcrossJobs& jobs = options.across_jobs.emplace();
  if (sides.base_jobs.empty())
    jobs.base_jobs.push_back(&sides.base);
  else
    for (const auto& job : sides.base_jobs) jobs.base_jobs.push_back(&job);
  jobs.unmeasured_advice =
      "compare does not know how far two jobs of this testbed differ; pass "
      "`--trust-single-job` on a dedicated machine, or gate in interleaved mode (`benchgate "
      "ab`, `gate --mode interleaved`), which measures both sides in one job";
  if (calibrated) {
    jobs.spread = &calibrated->spread;
    jobs.history_jobs = calibrated->spread.jobs;
    jobs.spread_source = calibrated->source;
  }
  Comparison comparison = stats::compare_runs(sides.base, sides.head, options);
  if (calibrated) comparison.false_alarms = calibrated->false_alarms;
  return comparison;
}

}  // namespace benchgate::gate
