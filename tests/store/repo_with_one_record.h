#pragma once
// A repository with one commit that has one stored record ("before"), for tests of what a save
// does next to a lock or after a crash.
#include <filesystem>
#include <string>

#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

struct RepoWithOneRecord {
  explicit RepoWithOneRecord(const TempDir& dir) : repo(dir / "repo") {
    init_repo(repo);
    commit_id = commit(repo, "one");
    store::GitNotesStore(repo).save(commit_id, {make_record("ci", "before")});
    tip = rev_parse(repo, "refs/notes/benchgate");
  }
  std::filesystem::path ref_lock() const {
    return repo / ".git" / "refs" / "notes" / "benchgate.lock";
  }
  std::filesystem::path repo;
  std::string commit_id;
  std::string tip;  // of refs/notes/benchgate
};

}  // namespace benchgate::testing
