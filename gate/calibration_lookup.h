#pragma once
// Reading calibrations back (`benchgate calibrate`, docs/usage.md#calibrate-benchgate-calibrate):
// the gate looks up the nearest calibration of its testbed along the first-parent history below
// the merge-base and uses its job-to-job spread (the cache of the history walk) and its measured
// false alarms; `benchgate compare --calibration FILE` gets the spread of one suite from a file.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/calibration.h"
#include "stats/job_spread.h"
#include "store/record_lines.h"
#include "store/store_spec.h"

namespace benchgate::gate {

// The false-alarm line of a comparison when no calibration of its testbed measured the mode.
inline constexpr const char* kFalseAlarmsNotMeasured =
    "false-alarm rate on this testbed not measured yet (run `benchgate calibrate`)";

struct FoundCalibration {
  Calibration calibration;
  int distance = 0;  // first-parent steps below the start commit
};

// The newest calibration of `testbed` on `start` or the nearest of its first-parent ancestors,
// at most `max_distance` steps back. Nothing when there is none (or the store cannot be read:
// a calibration is an optimisation, never a reason to fail). Unreadable lines go to `problems`.
std::optional<FoundCalibration> find_calibration(const std::filesystem::path& repo,
                                                 const store::StoreSpec& baseline_store,
                                                 const std::string& start,
                                                 const std::string& testbed, int max_distance,
                                                 std::vector<store::LineProblem>* problems);

// The job-to-job spread of `suite` as calibrated; nothing when the calibration has no stored
// figures for it, measured another metric than `metric` (when given), or had fewer recorded jobs
// than stored mode trusts (kFewestHistoryJobs).
std::optional<stats::SuiteJobSpread> calibrated_job_spread(const Calibration& calibration,
                                                           const std::string& suite,
                                                           const std::string& metric = "");

// For `benchgate compare --calibration FILE`: the spread of `suite` (may be empty when the file
// has a single suite) on `testbed` (empty: any), with the lines the comparison shows. Wire it as
//   const auto loaded = gate::load_calibration_spread(file, suite, testbed);  // outlives compare
//   options.across_jobs->spread = &loaded.spread;
//   options.across_jobs->history_jobs = loaded.spread.jobs;
//   options.across_jobs->spread_source = loaded.source;
//   ... comparison.false_alarms = loaded.false_alarms;
// InputError naming the file for an unreadable file, another testbed, an unknown suite, or a
// suite without stored figures.
struct CalibratedSpread {
  stats::SuiteJobSpread spread;
  std::string source;        // calibration_source(): for AcrossJobs::spread_source
  std::string false_alarms;  // stored_false_alarms(), or kFalseAlarmsNotMeasured
};
CalibratedSpread load_calibration_spread(const std::filesystem::path& file,
                                         const std::string& suite, const std::string& testbed);

// "calibration 1a2b3c4d5e6f of 2026-12-05, 28 jobs": where the gate's spread came from.
std::string calibration_source(const Calibration& calibration, const std::string& suite);
// The gate's false-alarm lines from a calibration, or "" when it did not measure that mode.
std::string stored_false_alarms(const Calibration& calibration);
std::string interleaved_false_alarms(const Calibration& calibration);
// The comparison's false-alarm line for the stored or the interleaved mode: the calibration's
// measurement of that mode, else kFalseAlarmsNotMeasured.
std::string false_alarms_line(const std::optional<FoundCalibration>& found, bool interleaved);

}  // namespace benchgate::gate
