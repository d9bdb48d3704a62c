#include "git/commit_range.h"

#include "git/history.h"
#include "git/libgit2/handles.h"
#include "git/revision.h"

namespace benchgate::git {

FirstParentRange first_parent_range(const Repository& repo, const std::string& from,
                                    const std::string& to, std::size_t limit,
                                    std::size_t max_walk) {
  FirstParentRange range;
  if (!has_commit(repo, to)) {
    range.complete = false;
    return range;
  }
  FirstParentWalk walk(repo, to);
  for (std::size_t walked = 0;; ++walked) {
    if (walk.commit() == from) return range;
    if (walked == max_walk) break;
    if (range.commits.size() < limit) {
      CommitPtr commit = lookup_commit(repo.handle(), oid_from_hex(walk.commit()));
      const char* summary = git_commit_summary(commit.get());
      range.commits.push_back({walk.commit(), summary ? summary : ""});
    } else {
      ++range.not_listed;
    }
    if (!walk.step()) break;
  }
  range.complete = false;
  return range;
}

}  // namespace benchgate::git
