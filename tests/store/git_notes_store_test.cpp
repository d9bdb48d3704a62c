#include "store/git_notes_store.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "store/store_factory.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::store {
namespace {
using testing::git;
using ::testing::HasSubstr;
using testing::make_record;

class GitNotesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    first_ = testing::commit(repo_, "first");
    second_ = testing::commit(repo_, "second");
  }
  testing::TempDir dir_;
  std::filesystem::path repo_ = dir_ / "repo";
  std::string first_, second_;
};

TEST_F(GitNotesStoreTest, SavedRecordsReadBackAndGitSeesOneLinePerRecord) {
  GitNotesStore store(repo_);
  store.save(second_, {make_record("ci", "a"), make_record("laptop", "b")});
  store.save(second_, {make_record("ci", "a")});  // exact duplicate collapses
  CommitRecords all = store.load(second_);
  EXPECT_TRUE(all.found);
  EXPECT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.testbeds, (std::vector<std::string>{"ci", "laptop"}));
  CommitRecords ci = store.load(second_, std::string("ci"));
  ASSERT_EQ(ci.records.size(), 1u);
  EXPECT_EQ(ci.records[0].benchmarks[0].name, "BM_Store/a");
  // Independent reader: git itself sees a note with two JSON lines on that commit.
  std::string note = git(repo_, {"notes", "--ref", "benchgate", "show", second_});
  EXPECT_EQ(std::count(note.begin(), note.end(), '\n'), 1) << note;
  EXPECT_FALSE(store.load(first_).found);
}

TEST_F(GitNotesStoreTest, InvalidRecordIsRefusedBeforeAnythingIsWritten) {
  GitNotesStore store(repo_);
  RunRecord bad = make_record("ci", "bad");
  bad.benchmarks[0].name = "";
  EXPECT_THROW(store.save(second_, {make_record("ci", "ok"), bad}), InputError);
  RunRecord no_testbed = make_record("", "x");
  EXPECT_THROW(store.save(second_, {no_testbed}), InputError);
  EXPECT_NE(
      testing::try_git(repo_, {"rev-parse", "--verify", "-q", "refs/notes/benchgate"}).exit_code, 0)
      << "the notes ref must not exist after refused saves";
  EXPECT_THROW(store.save("not-a-commit", {make_record("ci", "x")}), InputError);
}

// Objects are read without hashing them again (git/libgit2/handles.cpp), so the damage a disk
// does must still be caught by the object's zlib stream: a flipped bit anywhere in the stored
// note is an error, never a record read with other values.
TEST_F(GitNotesStoreTest, ADamagedNoteObjectIsAnErrorNotOtherData) {
  GitNotesStore(repo_).save(second_, {make_record("ci", "a")});
  const std::string blob =
      testing::git(repo_, {"notes", "--ref", "benchgate", "list", second_}).substr(0, 40);
  const auto object = repo_ / ".git" / "objects" / blob.substr(0, 2) / blob.substr(2);
  ASSERT_TRUE(std::filesystem::exists(object)) << "the note is a loose object";
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  const std::string intact = testing::read_file(object);
  for (std::size_t at : {intact.size() / 4, intact.size() / 2, intact.size() - 6}) {
    std::string damaged = intact;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    std::ofstream(object, std::ios::binary | std::ios::trunc) << damaged;
    EXPECT_THROW(GitNotesStore(repo_).load(second_), EnvironmentError) << "byte " << at;
  }
  std::ofstream(object, std::ios::binary | std::ios::trunc) << intact;
  EXPECT_EQ(GitNotesStore(repo_).load(second_).records.size(), 1u);
}

TEST_F(GitNotesStoreTest, HandEditedCorruptNoteIsReportedWithCommitAndLine) {
  GitNotesStore store(repo_);
  store.save(second_, {make_record("ci", "a")});
  std::string good = git(repo_, {"notes", "--ref", "benchgate", "show", second_});
  std::string edited =
      good + "\n" + good.substr(0, 40) + "\n" + record_to_line(make_record("ci", "c"));
  git(repo_, {"notes", "--ref", "benchgate", "add", "-f", "-m", edited, second_});
  CommitRecords loaded = store.load(second_);
  EXPECT_EQ(loaded.records.size(), 2u);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(loaded.problems[0].commit, second_);
  EXPECT_EQ(loaded.problems[0].line, 2);
  // Saving to that commit keeps the corrupt line (a human may repair it) and adds the new one.
  store.save(second_, {make_record("ci", "d")});
  EXPECT_EQ(store.load(second_).records.size(), 3u);
  EXPECT_EQ(store.load(second_).problems.size(), 1u);
}

TEST_F(GitNotesStoreTest, ListIsNewestFirstAndPruneKeepsTheNewest) {
  GitNotesStore store(repo_);
  std::string third = testing::commit(repo_, "third");
  store.save(first_, {make_record("ci", "1")});
  store.save(third, {make_record("ci", "3"), make_record("arm", "3")});
  store.save(second_, {make_record("ci", "2")});
  std::vector<AnnotatedCommit> entries = store.list();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].commit, third);
  EXPECT_EQ(entries[0].record_count, 2u);
  EXPECT_EQ(entries[0].benchmark_count, 1u);  // same benchmark name on two testbeds
  EXPECT_EQ(entries[2].commit, first_);
  EXPECT_EQ(store.prune(2), std::vector<std::string>{first_});
  EXPECT_FALSE(store.load(first_).found);
  EXPECT_TRUE(store.load(second_).found);
  EXPECT_EQ(git(repo_, {"notes", "--ref", "benchgate", "list"}).find(first_), std::string::npos);
}

TEST_F(GitNotesStoreTest, ProfilesLiveUnderTheirOwnRef) {
  GitNotesStore baselines(repo_);
  std::unique_ptr<Store> profiles = open_store("git:refs/notes/benchgate-profiles", repo_);
  profiles->save(second_, {make_record("ci", "p")});
  EXPECT_FALSE(baselines.load(second_).found);
  EXPECT_TRUE(profiles->load(second_).found);
  EXPECT_THROW(open_store("git:refs/heads/main", repo_), InputError);
}

}  // namespace
}  // namespace benchgate::store
