#pragma once
// The first-parent commits between two commits with their subjects: the suspects of a change
// found between two recorded jobs (docs/history.md#alerts-on-the-default-branch).
#include <cstddef>
#include <string>
#include <vector>

#include "git/repository.h"

namespace benchgate::git {

struct CommitSubject {
  std::string commit;   // full id
  std::string subject;  // first line of the message, as written (untrusted text)
};

struct FirstParentRange {
  std::vector<CommitSubject> commits;  // newest first
  std::size_t not_listed = 0;          // further commits of the range beyond the limit
  // False when the walk from `to` never reached `from`: `to` is not in this clone, the clone is
  // shallow, `from` is not a first-parent ancestor of `to`, or it lies beyond `max_walk` commits.
  bool complete = true;
};

// The first-parent commits in (from, to]: `to`, its first parent, ... down to but without `from`
// (both full commit ids). At most `limit` are listed; the walk stops after `max_walk` commits.
FirstParentRange first_parent_range(const Repository& repo, const std::string& from,
                                    const std::string& to, std::size_t limit,
                                    std::size_t max_walk = 10000);

}  // namespace benchgate::git
