#pragma once
// Which stored run serves as the baseline of a pull request (docs/store.md): the merge-base of head
// and the target branch, then the nearest first-parent ancestor that has a record for this testbed,
// at most `max_distance` commits back. With `window` > 1 the next recorded ancestors are collected
// too, so stored baselines can pool day-to-day drift.
//
// Never a silent wrong base: a shallow clone whose history ends before the merge-base, or before
// a recorded ancestor is found, is an EnvironmentError telling how to deepen the clone.
#include <filesystem>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "store/baseline_origin.h"
#include "store/store.h"

namespace benchgate::store {

struct BaselineQuery {
  std::filesystem::path repo = ".";
  std::string head = "HEAD";
  std::string target;   // branch, tag or commit the change merges into
  std::string testbed;  // required: records of other testbeds are never used
  int max_distance = 50;
  int window = 1;  // how many recorded ancestors to collect, nearest first
  // Which records qualify (records of other branches are passed over). Without a target_branch,
  // the branch `target` names, if it names one.
  OriginPolicy origins;
};

struct BaselineCandidate {
  std::string commit;
  int distance = 0;  // first-parent steps back from the merge-base (0: the merge-base itself)
  std::vector<RunRecord> records;  // this testbed's records on that commit
};

struct BaselineResult {
  std::string head;  // resolved commit ids
  std::string target;
  std::string merge_base;
  std::vector<BaselineCandidate> baselines;  // nearest first; empty when none within reach
  std::vector<std::string> trail;            // one line per commit looked at, for `baseline find`
  std::vector<LineProblem> problems;         // unreadable lines met on the way
  // Records of this testbed passed over because of where they were made, one line each
  // ("abc123456789: made by local run on branch topic, not on the default branch").
  std::vector<std::string> passed_over;
  bool shallow_boundary = false;  // the walk stopped at the edge of a shallow clone

  bool found() const { return !baselines.empty(); }
  // One sentence: which commit, how far back, or why there is none.
  std::string summary() const;
};

// Looks up records in `store` (any backend; the keys are commit ids of `query.repo`).
BaselineResult find_baseline(const BaselineQuery& query, const Store& store);
// Same, in the repository's own git notes (refs/notes/benchgate).
BaselineResult find_baseline(const BaselineQuery& query);

}  // namespace benchgate::store
