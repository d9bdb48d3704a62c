#include <cstdio>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "git/repository.h"
#include "git/revision.h"
#include "store/store_factory.h"

namespace benchgate::cli {

std::unique_ptr<store::Store> BaselineCommon::open() const {
  return store::open_store(store, repo_or_cwd());
}

std::string BaselineCommon::resolve_key(const std::string& rev) const {
  bool directory_store = store.rfind("dir:", 0) == 0;
  if (directory_store) {
    // Outside git the key is the user's label; inside, revisions still mean commits.
    if (!git::Repository::find(repo_or_cwd())) return rev;
  }
  return git::resolve_revision(repo_or_cwd(), rev);
}

std::string BaselineCommon::notes_ref() const {
  if (store == "git") return "refs/notes/benchgate";
  if (store.rfind("git:", 0) == 0) return store.substr(4);
  throw InputError(fmt::format("--store {}: push and fetch need a git store", store));
}

void warn_about(const std::vector<store::LineProblem>& problems) {
  for (const auto& p : problems)
    fmt::print(stderr, "benchgate: warning: unreadable stored record, skipped: {}\n", p.describe());
}

}  // namespace benchgate::cli
