// A writer killed with SIGKILL in the middle of a save leaves the store as before or after, and the
// next save works.
#include <chrono>
#include <random>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/directory_store.h"
#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/store/repo_with_one_record.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {
using ::testing::HasSubstr;

TEST(CrashDuringSave, KilledAfterWritingObjectsBeforePublishingLeavesTheOldState) {
  TempDir dir;
  const RepoWithOneRecord setup(dir);
  const std::filesystem::path& repo = setup.repo;
  const std::string& c = setup.commit_id;
  const std::string& tip_before = setup.tip;
  auto file = write_record(dir / "r.json", make_record("ci", "after"));
  ProcessResult killed =
      run_benchgate({"baseline", "save", "--commit", c, file.string()},
                    in_dir(repo, {{"BENCHGATE_FAILPOINT", "notes-before-publish"}}, 3));
  EXPECT_EQ(killed.exit_code, 128 + 9);
  EXPECT_THAT(killed.err, HasSubstr("failpoint notes-before-publish reached"));
  EXPECT_EQ(rev_parse(repo, "refs/notes/benchgate"), tip_before);
  store::GitNotesStore store(repo);
  EXPECT_EQ(store.load(c).records.size(), 1u);
  EXPECT_TRUE(store.load(c).problems.empty());
  ProcessResult next =
      run_benchgate({"baseline", "save", "--commit", c, file.string()}, in_dir(repo));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(store.load(c).records.size(), 2u);
}

// A writer killed while moving the ref leaves `<ref>.lock` holding the notes commit it had just
// built, and its publish record naming that commit (git/libgit2/notes_ref_intent.h): the next
// save recognises the lock as the dead writer's and removes it at once, however young.
TEST(CrashDuringSave, ARefLockLeftByAWriterKilledWhileMovingTheRefIsRemoved) {
  TempDir dir;
  const RepoWithOneRecord setup(dir);
  const std::filesystem::path& repo = setup.repo;
  const std::string built = "0123456789abcdef0123456789abcdef01234567";
  write_file(repo / ".git" / "benchgate-notes.publishing", "refs/notes/benchgate\n" + built + "\n");
  write_file(setup.ref_lock(), built + "\n");
  const auto start = std::chrono::steady_clock::now();
  store::GitNotesStore(repo).save(setup.commit_id, {make_record("ci", "after")});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(store::GitNotesStore(repo).load(setup.commit_id).records.size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(setup.ref_lock()));
  EXPECT_FALSE(std::filesystem::exists(repo / ".git" / "benchgate-notes.publishing"));
}

// Killed after libgit2 created the lock but before it wrote the value (it appends to the reflog
// in between): an empty lock, with the dead writer's record, is removed once it stayed empty 1 s.
TEST(CrashDuringSave, AnEmptyRefLockLeftWithTheWritersRecordIsRemoved) {
  TempDir dir;
  const RepoWithOneRecord setup(dir);
  const std::filesystem::path& repo = setup.repo;
  write_file(repo / ".git" / "benchgate-notes.publishing",
             "refs/notes/benchgate\n0123456789abcdef0123456789abcdef01234567\n");
  write_file(setup.ref_lock(), "");
  store::GitNotesStore(repo).save(setup.commit_id, {make_record("ci", "after")});
  EXPECT_EQ(store::GitNotesStore(repo).load(setup.commit_id).records.size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(setup.ref_lock()));
}

// Kills at random moments (the whole save takes a few ms); every state in between must read back
// as a prefix of the saves that were attempted, never a torn note, and saving must keep working.
TEST(CrashDuringSave, RandomKillsNeverTearTheNotesOrBlockTheNextSave) {
  TempDir dir;
  std::filesystem::path repo = dir / "repo";
  init_repo(repo);
  std::string c = commit(repo, "one");
  std::mt19937 random(12345);
  std::vector<std::string> attempted;
  for (int i = 0; i < 25; ++i) {
    std::string tag = "k" + std::to_string(i);
    auto file = write_record(dir / (tag + ".json"), make_record("ci", tag));
    attempted.push_back("BM_Store/" + tag);
    BackgroundProcess writer({benchgate_binary().string(), "baseline", "save", "--repo",
                              repo.string(), "--commit", c, file.string()});
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30000)(random)));
    writer.kill_now();
    store::CommitRecords loaded = store::GitNotesStore(repo).load(c);
    EXPECT_TRUE(loaded.problems.empty()) << loaded.problems[0].describe();
    for (const auto& r : loaded.records)
      EXPECT_NE(std::find(attempted.begin(), attempted.end(), r.benchmarks[0].name),
                attempted.end());
  }
  auto last = write_record(dir / "last.json", make_record("ci", "last"));
  ProcessResult next =
      run_benchgate({"baseline", "save", "--repo", repo.string(), "--commit", c, last.string()},
                    in_dir(std::filesystem::current_path(), {}, 20));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(git(repo, {"fsck", "--no-progress"}).find("missing"), std::string::npos);
}

TEST(CrashDuringSave, DirectoryStoreKilledBeforeWriteKeepsOldFile) {
  TempDir dir;
  std::string store_spec = "dir:" + (dir / "store").string();
  store::DirectoryStore(dir / "store").save("k", {make_record("ci", "before")});
  auto file = write_record(dir / "r.json", make_record("ci", "after"));
  ProcessResult killed =
      run_benchgate({"baseline", "save", "--store", store_spec, "--commit", "k", file.string()},
                    in_dir(dir.path(), {{"BENCHGATE_FAILPOINT", "directory-before-write"}}, 2));
  EXPECT_EQ(killed.exit_code, 128 + 9);
  EXPECT_EQ(store::DirectoryStore(dir / "store").load("k").records.size(), 1u);
  ProcessResult next =
      run_benchgate({"baseline", "save", "--store", store_spec, "--commit", "k", file.string()},
                    in_dir(dir.path()));
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(store::DirectoryStore(dir / "store").load("k").records.size(), 2u);
}

}  // namespace
}  // namespace benchgate::testing
