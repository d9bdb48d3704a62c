#pragma once
// Where a change branched off (the merge-base) and the first-parent history below it, with the
// edge of a shallow clone told apart from a root commit: a baseline must never be guessed from a
// history that was cut short (docs/store.md).
#include <filesystem>
#include <set>
#include <string>

#include "git/repository.h"

namespace benchgate::git {

// How to get the history a shallow clone lacks, for messages.
inline constexpr const char* kDeepenHint =
    "fetch more history (e.g. `git fetch --deepen=200`, or `git fetch --unshallow`; with "
    "actions/checkout set `fetch-depth: 0`)";

// The merge-base of the revisions `head` and `target`. A shallow clone without it is an
// EnvironmentError saying how to deepen; unrelated histories are an InputError.
std::string merge_base(const Repository& repo, const std::string& head, const std::string& target);
std::string merge_base(const std::filesystem::path& repo, const std::string& head,
                       const std::string& target);

// Walks the first parents of a commit, one step at a time.
class FirstParentWalk {
 public:
  enum class End { kNone, kRoot, kShallow };

  // Starts at `commit` (a full commit id). `repo` must outlive the walk.
  FirstParentWalk(const Repository& repo, std::string commit);

  const std::string& commit() const { return commit_; }
  // Moves to the first parent of commit(). False when there is none here; end() then says whether
  // this is a root commit or where the clone's history stops (shallow, or a missing parent).
  bool step();
  End end() const { return end_; }

 private:
  const Repository& repo_;
  std::set<std::string> shallow_boundary_;
  std::string commit_;
  End end_ = End::kNone;
};

}  // namespace benchgate::git
