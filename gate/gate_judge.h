#pragma once
// The gate's decision for each suite: find the baseline (merge-base, nearest recorded ancestor of
// the same testbed), compare, and say whether the suite fails the gate. A suite without a
// baseline gets a neutral report that does not block (unless --no-baseline fail).
#include <optional>
#include <string>
#include <vector>

#include "core/comparison.h"
#include "core/noise_report.h"
#include "gate/gate_context.h"
#include "gate/gate_settings.h"
#include "gate/gate_suites.h"
#include "store/store.h"

namespace benchgate::gate {

struct SuiteVerdict {
  std::string suite;
  std::string testbed;
  Comparison comparison;
  bool has_baseline = false;
  bool failed = false;
  std::string baseline_line;  // which baseline was used, or why there is none
  // The recorded commits pooled into the baseline, nearest first (profiles are looked up there).
  std::vector<std::string> baseline_commits;
  std::optional<NoiseReport> noise;  // interleaved mode: the job's noise report
};

std::vector<SuiteVerdict> judge_suites(const std::vector<SuiteHead>& heads,
                                       const GateContext& context, const GateSettings& settings,
                                       const store::Store& store);

// Holm across every suite of the gate run (stats/family_adjust.h): the gate fails if any suite
// fails, so the family is all of them. Re-decides `failed` for the suites that had a baseline.
void adjust_across_suites(std::vector<SuiteVerdict>& verdicts);

// A suite that has nothing to compare with: the "no baseline" verdict, failed or not by
// `policy`, carrying `why` as its baseline line and first warning. `comparison` is what was
// measured anyway (every row "new"), or nothing.
SuiteVerdict without_baseline(const std::string& suite, const std::string& testbed,
                              const std::string& why, NoBaselinePolicy policy,
                              Comparison comparison = {});

}  // namespace benchgate::gate
