#pragma once
// The gate's decision for each suite: find the baseline (merge-base, nearest recorded ancestor of
// the same testbed), compare, and say whether the suite fails the gate. A suite without a
// baseline gets a neutral report that does not block (unless --no-baseline fail).
#include <string>
#include <vector>

#include "cli/gate_context.h"
#include "cli/gate_options.h"
#include "cli/gate_suites.h"
#include "core/comparison.h"
#include "stats/compare.h"
#include "store/store.h"

namespace benchgate::cli {

struct SuiteVerdict {
  std::string suite;
  std::string testbed;
  Comparison comparison;
  bool has_baseline = false;
  bool failed = false;
  std::string baseline_line;  // which baseline was used, or why there is none
  // The recorded commits pooled into the baseline, nearest first (profiles are looked up there).
  std::vector<std::string> baseline_commits;
};

std::vector<SuiteVerdict> judge_suites(const std::vector<SuiteHead>& heads,
                                       const GateContext& context, const GateFlags& flags,
                                       const store::Store& store, const CompareOptions& options);

}  // namespace benchgate::cli
