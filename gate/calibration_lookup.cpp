#include "gate/calibration_lookup.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/calibration_json.h"
#include "core/errors.h"
#include "core/text.h"
#include "gate/stored_jobs.h"
#include "git/history.h"
#include "store/calibration_store.h"

namespace benchgate::gate {

std::optional<FoundCalibration> find_calibration(const std::filesystem::path& repo,
                                                 const store::StoreSpec& baseline_store,
                                                 const std::string& start,
                                                 const std::string& testbed, int max_distance,
                                                 std::vector<store::LineProblem>* problems) {
  try {
    const auto calibrations = store::open_calibration_store(baseline_store, repo);
    const git::Repository repository = git::Repository::open(repo);
    git::FirstParentWalk walk(repository, start);
    for (int distance = 0; distance <= max_distance; ++distance) {
      if (auto found = calibrations->load(walk.commit(), testbed, problems))
        return FoundCalibration{std::move(*found), distance};
      if (!walk.step()) break;
    }
  } catch (const std::runtime_error&) {
    // InputError / EnvironmentError from an unreadable store or history: no calibration.
  }
  return std::nullopt;
}

std::optional<stats::SuiteJobSpread> calibrated_job_spread(const Calibration& calibration,
                                                           const std::string& suite,
                                                           const std::string& metric) {
  const CalibrationSuite* s = calibration.find(suite);
  if (!s || !s->stored || s->stored->jobs < kFewestHistoryJobs) return std::nullopt;
  if (!metric.empty() && s->metric != metric) return std::nullopt;
  stats::SuiteJobSpread spread;
  spread.jobs = s->stored->jobs;
  spread.common_mode_removed = s->stored->common_mode_removed;
  spread.common_mode_sd = s->stored->common_mode_sd;
  for (const auto& b : s->benchmarks)
    if (std::isfinite(b.job_difference_sd) && b.job_differences >= 2)
      spread.benchmarks[b.name] = {.difference_sd = b.job_difference_sd,
                                   .degrees_of_freedom = b.job_degrees_of_freedom,
                                   .differences = b.job_differences};
  return spread;
}

CalibratedSpread load_calibration_spread(const std::filesystem::path& file,
                                         const std::string& suite, const std::string& testbed) {
  const Calibration c = read_calibration_file(file.string());
  if (!testbed.empty() && c.testbed != testbed)
    throw InputError(fmt::format("{}: a calibration of testbed {}, not of {}", file.string(),
                                 c.testbed, testbed));
  std::string name = suite;
  if (name.empty()) {
    if (c.suites.size() != 1)
      throw InputError(fmt::format("{}: calibrates {} suites; name the one to use", file.string(),
                                   c.suites.size()));
    name = c.suites.front().name;
  }
  if (!c.find(name)) {
    std::vector<std::string> names;
    for (const auto& s : c.suites) names.push_back(s.name);
    throw InputError(
        fmt::format("{}: no suite {} (it calibrates: {})", file.string(), name,
                    names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
  }
  auto spread = calibrated_job_spread(c, name);
  if (!spread)
    throw InputError(fmt::format(
        "{}: suite {} has no job-to-job spread (fewer than {} recorded jobs when it was "
        "calibrated)",
        file.string(), name, kFewestHistoryJobs));
  const std::string false_alarms = stored_false_alarms(c);
  return {std::move(*spread), calibration_source(c, name),
          false_alarms.empty() ? kFalseAlarmsNotMeasured : false_alarms};
}

std::string calibration_source(const Calibration& calibration, const std::string& suite) {
  const CalibrationSuite* s = calibration.find(suite);
  const std::size_t jobs = s && s->stored ? s->stored->jobs : 0;
  return fmt::format("calibration {} of {}, {} jobs", short_commit(calibration.commit),
                     calibration.date(), jobs);
}

std::string stored_false_alarms(const Calibration& c) {
  if (c.stored_pairs == 0) return "";
  return fmt::format(
      "stored mode cried wolf in {} of {} successive {} jobs on this testbed (calibration {}, {})",
      c.stored_failed_pairs, c.stored_pairs, c.branch.empty() ? "recorded" : c.branch,
      short_commit(c.commit), c.date());
}

std::string interleaved_false_alarms(const Calibration& c) {
  if (!c.interleaved_measured || c.interleaved_splits == 0) return "";
  return fmt::format(
      "an interleaved A/A of the same build failed in {} of {} splits (whole job and its halves) "
      "on this testbed (calibration {}, {})",
      c.interleaved_failed_splits, c.interleaved_splits, short_commit(c.commit), c.date());
}

std::string false_alarms_line(const std::optional<FoundCalibration>& found, bool interleaved) {
  const std::string line = !found        ? std::string()
                           : interleaved ? interleaved_false_alarms(found->calibration)
                                         : stored_false_alarms(found->calibration);
  return line.empty() ? kFalseAlarmsNotMeasured : line;
}

}  // namespace benchgate::gate
