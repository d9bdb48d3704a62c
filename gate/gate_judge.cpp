#include "gate/gate_judge.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "gate/calibration_lookup.h"
#include "gate/stored_jobs.h"
#include "stats/family_adjust.h"
#include "store/baseline_finder.h"

namespace benchgate::gate {
namespace {

// The window's stored jobs pooled into one record (for the per-process numbers shown beside the
// job-level verdict, and for rows without a job-to-job spread).
RunRecord pooled(const SuiteJobs& jobs) {
  RunRecord record = *jobs.base.front();
  for (std::size_t i = 1; i < jobs.base.size(); ++i) merge_records(record, *jobs.base[i]);
  return record;
}
// Records that were there but could not be a baseline: said once per walk, with the first few.
void log_passed_over(const std::vector<std::string>& passed_over) {
  constexpr std::size_t kShown = 3;
  if (passed_over.empty()) return;
  std::string lines;
  for (std::size_t i = 0; i < std::min(kShown, passed_over.size()); ++i)
    lines += "\n  " + passed_over[i];
  log_info(
      "passed over {} stored record(s) not made on the target branch (--baselines-from any "
      "accepts them):{}{}",
      passed_over.size(), lines,
      passed_over.size() > kShown ? fmt::format("\n  ... and {} more", passed_over.size() - kShown)
                                  : "");
}

std::string no_baseline_line(const SuiteHead& head, const GateContext& context,
                             const GateSettings& settings, const store::BaselineResult* found) {
  const std::string_view outcome = no_baseline_consequence(settings.no_baseline);
  if (!found)
    return fmt::format("no baseline for testbed {}: {} has no parent commit to compare with; {}",
                       head.record.testbed, short_commit(context.head), outcome);
  if (found->found())
    return fmt::format(
        "no baseline for suite {} on testbed {} within {} commits of {} (the recorded commits "
        "there hold other suites); {}",
        head.name, head.record.testbed, settings.max_distance, short_commit(found->merge_base),
        outcome);
  return fmt::format("no baseline for testbed {} within {} commits of {}; {}", head.record.testbed,
                     settings.max_distance, short_commit(found->merge_base), outcome);
}

std::string baseline_label(const SuiteJobs& base, const store::BaselineResult& found,
                           const std::string& testbed) {
  std::string where = base.distance == 0 ? "the merge-base"
                                         : fmt::format("{} commit{} below the merge-base {}",
                                                       base.distance, base.distance == 1 ? "" : "s",
                                                       short_commit(found.merge_base));
  return fmt::format("{} ({}), testbed {}, {} stored job{}",
                     short_commit(base.base_commits.front()), where, testbed, base.base.size(),
                     base.base.size() == 1 ? "" : "s");
}

// Stored mode's job-level settings for one suite: the window's jobs and the spread of a
// calibration of this testbed (the cache of the history walk) when it has the suite, else the
// spread of the history read now.
stats::AcrossJobs across_jobs(const SuiteJobs& jobs, const HistorySpread& history,
                              const GateContext& context, const std::string& suite,
                              const FoundCalibration* calibration,
                              const stats::SuiteJobSpread* calibrated) {
  stats::AcrossJobs out;
  out.base_jobs = jobs.base;
  out.history_jobs = jobs.history.size();
  const std::string target =
      context.target.empty() ? "the target branch" : short_commit(context.target);
  if (calibration && calibrated) {
    out.spread = calibrated;
    out.history_jobs = calibrated->jobs;
    out.spread_source = calibration_source(calibration->calibration, suite);
  } else if (history.measured) {
    out.spread = &history.spread;
    out.spread_source = fmt::format("{} recorded jobs of {}", jobs.history.size(), target);
  } else {
    out.unmeasured_advice = fmt::format(
        "job-to-job noise not yet measured: {} of {} jobs recorded on {} for this suite and "
        "testbed; `--mode interleaved` would settle it now",
        jobs.history.size(), kFewestHistoryJobs, target);
  }
  return out;
}

}  // namespace

std::string_view no_baseline_consequence(NoBaselinePolicy policy) {
  return policy == NoBaselinePolicy::kFail ? "--no-baseline fail: the gate fails"
                                           : "this run will not block";
}

SuiteVerdict without_baseline(const std::string& suite, const std::string& testbed,
                              const std::string& why, NoBaselinePolicy policy,
                              Comparison comparison) {
  SuiteVerdict v;
  v.suite = suite;
  v.testbed = testbed;
  v.baseline_line = why;
  v.comparison = std::move(comparison);
  v.comparison.base_label = "none";
  v.comparison.warnings.insert(v.comparison.warnings.begin(), why);
  v.failed = policy == NoBaselinePolicy::kFail;
  return v;
}

std::vector<SuiteVerdict> judge_suites(const std::vector<SuiteHead>& heads,
                                       const GateContext& context, const GateSettings& settings,
                                       const store::Store& store) {
  std::map<std::string, store::BaselineResult> by_testbed;              // one walk per testbed
  std::map<std::string, std::optional<FoundCalibration>> calibrations;  // one lookup per testbed
  std::vector<SuiteVerdict> verdicts;
  for (const auto& head : heads) {
    const std::string& testbed = head.record.testbed;
    const store::BaselineResult* found = nullptr;
    if (!context.target.empty()) {
      auto it = by_testbed.find(testbed);
      if (it == by_testbed.end()) {
        store::BaselineQuery query;
        query.repo = settings.repo;
        query.head = context.head;
        query.target = context.target;
        query.testbed = testbed;
        query.max_distance = settings.max_distance;
        query.window = std::max(settings.window, kHistoryCommits);
        query.origins = {settings.baselines_from_any_branch, context.target_branch};
        it = by_testbed.emplace(testbed, store::find_baseline(query, store)).first;
        for (const auto& problem : it->second.problems)
          log_warning("unreadable stored record, skipped: {}", problem.describe());
        log_passed_over(it->second.passed_over);
      }
      found = &it->second;
    }
    const SuiteJobs jobs =
        found ? suite_jobs(*found, head.name, heads.size() == 1, settings.window) : SuiteJobs{};
    const bool has_base = jobs.found();

    // Without a baseline every row is "new"; a config that fails on new rows is about
    // benchmarks added by a change, not about a missing baseline (--no-baseline decides that).
    stats::CompareOptions used = settings.compare;
    if (!has_base) used.settings.also_fail_on.clear();
    HistorySpread history;
    const FoundCalibration* calibration = nullptr;
    std::optional<stats::SuiteJobSpread> calibrated;
    if (has_base) {
      auto it = calibrations.find(testbed);
      if (it == calibrations.end()) {
        std::vector<store::LineProblem> problems;
        it =
            calibrations
                .emplace(testbed, find_calibration(settings.repo, settings.store, found->merge_base,
                                                   testbed, settings.max_distance, &problems))
                .first;
        for (const auto& problem : problems)
          log_warning("unreadable calibration, skipped: {}", problem.describe());
      }
      if (it->second) {
        calibration = &*it->second;
        calibrated =
            calibrated_job_spread(calibration->calibration, head.name, used.settings.metric);
      }
      // A calibration is the cache of the history walk: the history is read only without one.
      if (!calibrated) history = history_spread(jobs, used.settings.metric);
      used.across_jobs = across_jobs(jobs, history, context, head.name, calibration,
                                     calibrated ? &*calibrated : nullptr);
    }
    Comparison comparison =
        stats::compare_runs(has_base ? pooled(jobs) : RunRecord{}, head.record, used);
    SuiteVerdict v;
    if (has_base) {
      v.suite = head.name;
      v.testbed = testbed;
      v.has_baseline = true;
      v.comparison = std::move(comparison);
      v.comparison.base_label = baseline_label(jobs, *found, testbed);
      v.comparison.method = "stored mode: " + v.comparison.method;
      const std::string measured =
          calibration ? stored_false_alarms(calibration->calibration) : std::string();
      v.comparison.false_alarms = measured.empty() ? kFalseAlarmsNotMeasured : measured;
      v.baseline_line = "baseline " + v.comparison.base_label;
      v.baseline_commits = jobs.base_commits;
      v.failed = v.comparison.fails();
    } else {
      v = without_baseline(head.name, testbed, no_baseline_line(head, context, settings, found),
                           settings.no_baseline, std::move(comparison));
    }
    v.comparison.head_label = fmt::format("{} ({})", short_commit(context.head), head.name);
    verdicts.push_back(std::move(v));
  }
  return verdicts;
}

void adjust_across_suites(std::vector<SuiteVerdict>& verdicts) {
  std::vector<Comparison*> judged;
  for (auto& v : verdicts)
    if (v.has_baseline) judged.push_back(&v.comparison);
  stats::adjust_across_comparisons(judged);
  for (auto& v : verdicts)
    if (v.has_baseline) v.failed = v.comparison.fails();
}

}  // namespace benchgate::gate
