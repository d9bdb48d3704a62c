#include "gate/gate_judge.h"

#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "stats/family_adjust.h"
#include "store/baseline_finder.h"

namespace benchgate::gate {
namespace {

// The stored runs of one suite, pooled over the recorded ancestors found (nearest first).
struct SuiteBaseline {
  RunRecord record;
  std::size_t runs = 0;
  std::string commit;  // the nearest commit that had this suite
  int distance = 0;
  std::vector<std::string> commits;  // every commit pooled, nearest first
};

// Records that name no suite (saved by hand with `baseline save`) are used only when a single
// suite is gated: with several they cannot be told apart.
std::optional<SuiteBaseline> pool_suite(const store::BaselineResult& found,
                                        const std::string& suite, bool single_suite) {
  std::optional<SuiteBaseline> pooled;
  for (const auto& candidate : found.baselines)
    for (const auto& record : candidate.records) {
      const std::string named = suite_of(record);
      if (named != suite && !(named.empty() && single_suite)) continue;
      if (!pooled) {
        pooled = SuiteBaseline{record, 1, candidate.commit, candidate.distance, {candidate.commit}};
        continue;
      }
      merge_records(pooled->record, record);
      ++pooled->runs;
      if (pooled->commits.back() != candidate.commit) pooled->commits.push_back(candidate.commit);
    }
  return pooled;
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

std::string baseline_label(const SuiteBaseline& base, const store::BaselineResult& found,
                           const std::string& testbed) {
  std::string where = base.distance == 0 ? "the merge-base"
                                         : fmt::format("{} commit{} below the merge-base {}",
                                                       base.distance, base.distance == 1 ? "" : "s",
                                                       short_commit(found.merge_base));
  return fmt::format("{} ({}), testbed {}, {} stored run{}", short_commit(base.commit), where,
                     testbed, base.runs, base.runs == 1 ? "" : "s");
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
  std::map<std::string, store::BaselineResult> by_testbed;  // one walk per testbed
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
        query.window = settings.window;
        it = by_testbed.emplace(testbed, store::find_baseline(query, store)).first;
        for (const auto& problem : it->second.problems)
          log_warning("unreadable stored record, skipped: {}", problem.describe());
      }
      found = &it->second;
    }
    std::optional<SuiteBaseline> base =
        found ? pool_suite(*found, head.name, heads.size() == 1) : std::nullopt;

    // Without a baseline every row is "new"; a config that fails on new rows is about
    // benchmarks added by a change, not about a missing baseline (--no-baseline decides that).
    stats::CompareOptions used = settings.compare;
    if (!base) used.settings.also_fail_on.clear();
    Comparison comparison =
        stats::compare_runs(base ? base->record : RunRecord{}, head.record, used);
    SuiteVerdict v;
    if (base) {
      v.suite = head.name;
      v.testbed = testbed;
      v.has_baseline = true;
      v.comparison = std::move(comparison);
      v.comparison.base_label = baseline_label(*base, *found, testbed);
      v.baseline_line = "baseline " + v.comparison.base_label;
      v.baseline_commits = base->commits;
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
