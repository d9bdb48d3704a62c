// git/notes.h: reading and editing a notes ref, checked with `git notes`. The policy here merges
// nothing and takes no turns: what these tests exercise is git/'s own part.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "git/notes.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
using ::testing::UnorderedElementsAre;
namespace fs = std::filesystem;

constexpr const char* kRef = "refs/notes/test";

class NoTurnsPolicy final : public NotesPolicy {
 public:
  std::shared_ptr<void> take_turn(const fs::path&) const override { return nullptr; }
  void wait_out_ref_lock(const fs::path&, const std::optional<std::string>&) const override {}
  std::optional<std::string> merge_note(const std::optional<std::string>&,
                                        const std::optional<std::string>&,
                                        const std::optional<std::string>& theirs) const override {
    return theirs;
  }
};

class NotesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    first_ = testing::commit(repo_, "first");
    second_ = testing::commit(repo_, "second");
  }
  std::string note_shown_by_git(const std::string& commit) {
    return testing::git(repo_, {"notes", "--ref", kRef, "show", commit});
  }
  testing::TempDir dir_{"benchgate-git-notes"};
  fs::path repo_ = dir_ / "repo";
  std::string first_, second_;
  NoTurnsPolicy policy_;
};

TEST_F(NotesTest, EditsAreWhatGitReadsAndWhatWeReadBack) {
  const Repository repo = Repository::open(repo_);
  EXPECT_EQ(read_note(repo, kRef, first_), std::nullopt) << "no ref yet";
  EXPECT_TRUE(annotated_commits(repo, kRef).empty());
  NotesUpdateOutcome written = edit_notes(
      repo, kRef,
      [&](const NotesTip& tip) -> NoteChanges {
        EXPECT_EQ(tip.read(first_), std::nullopt);
        return {{first_, "one\n"}, {second_, "two\n"}};
      },
      "test: write", policy_);
  EXPECT_TRUE(written.changed);
  EXPECT_EQ(written.attempts, 1);
  EXPECT_EQ(written.tip, testing::rev_parse(repo_, kRef));
  EXPECT_EQ(note_shown_by_git(first_), "one");
  EXPECT_EQ(read_note(repo, kRef, second_), "two\n");
  EXPECT_THAT(annotated_commits(repo, kRef), UnorderedElementsAre(first_, second_));

  NotesUpdateOutcome removed = edit_notes(
      repo, kRef,
      [&](const NotesTip&) -> NoteChanges {
        return {{first_, std::nullopt}};
      },
      "test: remove", policy_);
  EXPECT_TRUE(removed.changed);
  EXPECT_EQ(read_note(repo, kRef, first_), std::nullopt);
  EXPECT_THAT(annotated_commits(repo, kRef), UnorderedElementsAre(second_));
  EXPECT_NE(testing::try_git(repo_, {"notes", "--ref", kRef, "show", first_}).exit_code, 0);
}

TEST_F(NotesTest, NoChangesLeaveTheRefWhereItWas) {
  const Repository repo = Repository::open(repo_);
  edit_notes(
      repo, kRef,
      [&](const NotesTip&) -> NoteChanges {
        return {{first_, "one\n"}};
      },
      "test", policy_);
  const std::string before = testing::rev_parse(repo_, kRef);
  bool called_before_publish = false;
  NotesUpdateOutcome outcome = edit_notes(
      repo, kRef,
      [&](const NotesTip&) -> NoteChanges {
        return {{second_, std::nullopt}};
      },
      "test: remove a note that is not there", policy_, [&] { called_before_publish = true; });
  EXPECT_FALSE(outcome.changed);
  EXPECT_EQ(outcome.tip, before);
  EXPECT_FALSE(called_before_publish);
  EXPECT_EQ(testing::rev_parse(repo_, kRef), before);
}

TEST_F(NotesTest, ALostCompareAndSwapRaceIsRetriedOnTheNewTipAndKeepsBothNotes) {
  const Repository repo = Repository::open(repo_);
  int calls = 0;
  // A rival writer (plain git) moves the ref between our read and our publish, once.
  auto edit = [&](const NotesTip& tip) -> NoteChanges {
    if (++calls == 1) testing::git(repo_, {"notes", "--ref", kRef, "add", "-m", "rival", first_});
    return {{second_, tip.read(second_).value_or("") + "ours\n"}};
  };
  int published = 0;
  NotesUpdateOutcome outcome = edit_notes(repo, kRef, edit, "test", policy_, [&] { ++published; });
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.attempts, 2);
  EXPECT_EQ(published, 2) << "the new notes commit was written on each attempt";
  EXPECT_EQ(note_shown_by_git(second_), "ours");
  EXPECT_EQ(note_shown_by_git(first_), "rival") << "the retry rebuilt on the rival's tip";
}

TEST_F(NotesTest, AManyNoteTreeIsFannedOutAndStaysReadableByGit) {
  // More than 256 flat notes make the next write fan the tree out into `ab/` subtrees.
  std::string script = "for i in $(seq 1 300); do git commit -q --allow-empty -m c$i; done";
  ASSERT_EQ(testing::run_process({"sh", "-c", script},
                                 testing::in_dir(repo_, {{"GIT_AUTHOR_NAME", "t"},
                                                         {"GIT_AUTHOR_EMAIL", "t@t"},
                                                         {"GIT_COMMITTER_NAME", "t"},
                                                         {"GIT_COMMITTER_EMAIL", "t@t"}}))
                .exit_code,
            0);
  std::vector<std::string> commits;
  const std::string all = testing::git(repo_, {"rev-list", "HEAD"});
  for (std::size_t start = 0; start < all.size(); start += 41)
    commits.push_back(all.substr(start, 40));
  const Repository repo = Repository::open(repo_);
  for (const auto& c : commits)
    edit_notes(
        repo, kRef,
        [&](const NotesTip&) -> NoteChanges {
          return {{c, c.substr(0, 8) + "\n"}};
        },
        "test", policy_);
  const std::string top = testing::git(repo_, {"ls-tree", kRef});
  EXPECT_THAT(top, ::testing::HasSubstr(" tree ")) << "expected 2-character fan-out subtrees";
  std::size_t flat = 0;
  for (std::size_t p = top.find(" blob "); p != std::string::npos; p = top.find(" blob ", p + 1))
    ++flat;
  EXPECT_LE(flat, 256u) << "git's own fan-out threshold is of this order";
  EXPECT_EQ(annotated_commits(repo, kRef).size(), commits.size());
  for (const auto& c : {commits.front(), commits[150], commits.back()})
    EXPECT_EQ(note_shown_by_git(c), c.substr(0, 8));
}

}  // namespace
}  // namespace benchgate::git
