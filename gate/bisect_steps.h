#pragma once
// The pieces of one `benchgate bisect` step (gate/bisect.h): a commit checked out into a temporary
// worktree and built with [build] command, and an interleaved A/B job of two built commits.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ab/ab_job.h"
#include "core/comparison.h"
#include "gate/bisect.h"
#include "gate/interleaved_plan.h"
#include "git/temporary_worktree.h"

namespace benchgate::gate {

// The one suite bisect measures; InputError unless the settings select exactly one.
const runner::SuiteConfig& bisect_suite(const GateSettings& settings);

// `commit` checked out and built; the worktree goes away with the object. EnvironmentError when
// the build fails or is interrupted; InputError when it made no program for the suite.
class BuiltCommit {
 public:
  BuiltCommit(const GateSettings& settings, const std::string& commit);
  const std::string& commit() const { return tree_.commit(); }
  // The suite's command and working directory inside this tree (as SuitePlan's base side).
  const SuitePlan& plan() const { return plan_; }

 private:
  git::TemporaryWorktree tree_;
  SuitePlan plan_;
};

// The A/B job of `head` against `base` for the gate's one suite: adaptive rounds up to the
// settings' max_rounds, `alpha` for both the decisions and the intervals, only the benchmarks
// `filter` selects (nothing: the suite's own filter).
ab::AbJobResult measure_pair(const BuiltCommit& base, const BuiltCommit& head,
                             const GateSettings& settings, const std::optional<std::string>& filter,
                             double alpha, std::uint64_t seed,
                             std::optional<std::chrono::duration<double>> budget);

// A step's verdict from the rows of the benchmarks hunted: any regression makes the commit bad;
// only unchanged (or improved) rows make it good; anything else is inconclusive, and `note` says
// which benchmarks were not settled.
StepVerdict judge_step(const std::vector<BenchmarkComparison>& rows, std::string& note);

}  // namespace benchgate::gate
