#pragma once
// Stored mode's jobs for one suite (docs/statistics.md#stored-mode-the-job-is-a-unit): the
// window of stored jobs head is judged against, and the history of recorded jobs on the target
// branch that the job-to-job spread is learnt from.
#include <cstddef>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "stats/job_spread.h"
#include "store/baseline_finder.h"

namespace benchgate::gate {

// Fewer recorded jobs than this and stored mode does not trust its own estimate of the
// job-to-job spread, so it cannot block (chosen with the noise simulator: docs/statistics.md).
inline constexpr std::size_t kFewestHistoryJobs = 10;
// Recorded commits below the merge-base read for the history.
inline constexpr int kHistoryCommits = 30;

struct SuiteJobs {
  std::vector<const RunRecord*> base;     // the window's jobs, nearest first
  std::vector<std::string> base_commits;  // their commits, nearest first, unique
  int distance = 0;                       // of the nearest one below the merge-base
  std::vector<const RunRecord*> history;  // every recorded job found, oldest first

  bool found() const { return !base.empty(); }
};

// Records that name no suite (saved by hand with `baseline save`) count only when a single suite
// is gated: with several they cannot be told apart. `window`: recorded commits in the base.
SuiteJobs suite_jobs(const store::BaselineResult& found, const std::string& suite,
                     bool single_suite, int window);

// The spread learnt from `jobs.history` for `metric`; `measured` is false below
// kFewestHistoryJobs, and then no benchmark gets a spread.
struct HistorySpread {
  stats::SuiteJobSpread spread;
  bool measured = false;
};
HistorySpread history_spread(const SuiteJobs& jobs, const std::string& metric);

}  // namespace benchgate::gate
