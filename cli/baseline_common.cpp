#include <cstdio>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "store/git_handle.h"
#include "store/store_factory.h"

namespace benchgate::cli {

std::unique_ptr<store::Store> BaselineCommon::open() const {
  return store::open_store(store, repo_or_cwd());
}

std::string BaselineCommon::resolve_key(const std::string& rev) const {
  bool directory_store = store.rfind("dir:", 0) == 0;
  if (directory_store) {
    // Outside git the key is the user's label; inside, revisions still mean commits.
    git_repository* found = nullptr;
    store::ensure_libgit2();
    if (git_repository_open_ext(&found, repo_or_cwd().c_str(), 0, nullptr) < 0) {
      git_error_clear();
      return rev;
    }
    git_repository_free(found);
  }
  store::RepoPtr repo = store::open_repository(repo_or_cwd());
  return store::to_hex(store::resolve_commit(repo.get(), rev));
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
