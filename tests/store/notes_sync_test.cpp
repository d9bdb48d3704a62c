#include "store/notes_sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "git/url_redaction.h"
#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::store {
namespace {
using testing::git;
using ::testing::HasSubstr;
using testing::make_record;
using ::testing::Not;

// origin (bare) with one commit; two clones `alice` and `bob`.
class NotesSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(seed_);
    c1_ = testing::commit(seed_, "one");
    c2_ = testing::commit(seed_, "two");
    git(dir_.path(), {"clone", "-q", "--bare", seed_.string(), origin_.string()});
    for (const auto& clone : {alice_, bob_}) {
      git(dir_.path(), {"clone", "-q", origin_.string(), clone.string()});
      git(clone, {"config", "user.name", "T"});
      git(clone, {"config", "user.email", "t@t"});
    }
  }
  SyncOptions options(const std::filesystem::path& repo) {
    SyncOptions o;
    o.repo = repo;
    return o;
  }
  testing::TempDir dir_;
  std::filesystem::path seed_ = dir_ / "seed", origin_ = dir_ / "origin.git",
                        alice_ = dir_ / "alice", bob_ = dir_ / "bob";
  std::string c1_, c2_;
};

TEST_F(NotesSyncTest, LocalUnpushedRecordAndDivergedRemoteBothSurvive) {
  GitNotesStore(alice_).save(c1_, {make_record("ci", "alice")});
  push_notes(options(alice_));
  // Bob saves locally without fetching first: his notes history diverges from origin's.
  GitNotesStore(bob_).save(c1_, {make_record("ci", "bob")});
  GitNotesStore(bob_).save(c2_, {make_record("ci", "bob2")});
  SyncReport report = push_notes(options(bob_));
  EXPECT_TRUE(report.pushed);
  EXPECT_TRUE(report.remote_has_notes);
  // Independent check with git on the bare remote: every record is there.
  std::string on_c1 = git(origin_, {"notes", "--ref", "benchgate", "show", c1_});
  EXPECT_THAT(on_c1, HasSubstr("BM_Store/alice"));
  EXPECT_THAT(on_c1, HasSubstr("BM_Store/bob"));
  EXPECT_THAT(git(origin_, {"notes", "--ref", "benchgate", "show", c2_}), HasSubstr("bob2"));
  // Alice fetches and gets Bob's records merged into her local notes.
  fetch_notes(options(alice_));
  EXPECT_EQ(GitNotesStore(alice_).load(c1_).records.size(), 2u);
  EXPECT_EQ(GitNotesStore(alice_).load(c2_).records.size(), 1u);
  EXPECT_EQ(
      testing::try_git(alice_, {"rev-parse", "--verify", "refs/notes/benchgate-remote/origin"})
          .exit_code,
      0);
}

TEST_F(NotesSyncTest, PruneOnOneSidePropagatesWhileNewRecordsSurvive) {
  GitNotesStore(alice_).save(c1_, {make_record("ci", "old")});
  GitNotesStore(alice_).save(c2_, {make_record("ci", "keep")});
  push_notes(options(alice_));
  fetch_notes(options(bob_));
  GitNotesStore(bob_).save(c2_, {make_record("ci", "bob")});
  GitNotesStore alice(alice_);
  alice.prune(1);  // c1 is older: removed
  push_notes(options(alice_));
  push_notes(options(bob_));
  EXPECT_FALSE(GitNotesStore(bob_).load(c1_).found) << "the deletion merged into bob's notes";
  EXPECT_EQ(GitNotesStore(bob_).load(c2_).records.size(), 2u);
}

TEST_F(NotesSyncTest, FetchFromARemoteWithoutNotesIsQuiet) {
  SyncReport report = fetch_notes(options(alice_));
  EXPECT_FALSE(report.remote_has_notes);
  EXPECT_TRUE(report.local_tip.empty());
}

TEST_F(NotesSyncTest, ServerHookRejectingNotesFailsLoudlyWithTheServersMessage) {
  std::filesystem::path hook = origin_ / "hooks" / "pre-receive";
  testing::write_file(hook,
                      "#!/bin/sh\nwhile read old new ref; do case \"$ref\" in refs/notes/*)\n"
                      "  echo \"notes are not welcome here\" >&2; exit 1;; esac; done\n");
  std::filesystem::permissions(hook, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add);
  testing::GitDaemon daemon(dir_.path());
  git(alice_, {"remote", "set-url", "origin", daemon.url("origin.git")});
  GitNotesStore(alice_).save(c1_, {make_record("ci", "a")});
  try {
    push_notes(options(alice_));
    FAIL() << "push must fail when the server rejects the ref";
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), HasSubstr("refs/notes/benchgate"));
    EXPECT_THAT(e.what(), HasSubstr("pre-receive hook declined"));
    EXPECT_THAT(e.what(), HasSubstr("notes are not welcome here"));
  }
  EXPECT_NE(
      testing::try_git(origin_, {"rev-parse", "--verify", "-q", "refs/notes/benchgate"}).exit_code,
      0);
}

TEST_F(NotesSyncTest, PushOverGitProtocolWorksWithoutHook) {
  testing::GitDaemon daemon(dir_.path());
  git(alice_, {"remote", "set-url", "origin", daemon.url("origin.git")});
  git(bob_, {"remote", "set-url", "origin", daemon.url("origin.git")});
  GitNotesStore(alice_).save(c1_, {make_record("ci", "a")});
  EXPECT_TRUE(push_notes(options(alice_)).pushed);
  GitNotesStore(bob_).save(c1_, {make_record("ci", "b")});
  EXPECT_TRUE(push_notes(options(bob_)).pushed);
  EXPECT_EQ(GitNotesStore(origin_).load(c1_).records.size(), 2u);
}

TEST_F(NotesSyncTest, TokensInRemoteUrlsNeverAppearInMessages) {
  EXPECT_EQ(git::redact_url("https://x-access-token:s3cr3t@github.com/o/r.git"),
            "https://***@github.com/o/r.git");
  EXPECT_EQ(git::redact_url("git@github.com:o/r.git"), "git@github.com:o/r.git");
  git(alice_, {"remote", "set-url", "origin", "https://user:s3cr3t@127.0.0.1:1/o/r.git"});
  GitNotesStore(alice_).save(c1_, {make_record("ci", "a")});
  try {
    push_notes(options(alice_));
    FAIL() << "nothing listens on port 1";
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), Not(HasSubstr("s3cr3t")));
    EXPECT_THAT(e.what(), HasSubstr("***@127.0.0.1"));
  }
}

TEST_F(NotesSyncTest, UnknownRemoteIsAnInputError) {
  SyncOptions o = options(alice_);
  o.remote = "nope";
  EXPECT_THROW(push_notes(o), InputError);
}

}  // namespace
}  // namespace benchgate::store
