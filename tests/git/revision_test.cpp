// git/revision.h, git/history.h and git/remotes.h against real repositories built with the git
// CLI, which is also the oracle (`git rev-parse`, `git merge-base`).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "git/history.h"
#include "git/remotes.h"
#include "git/revision.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
using ::testing::HasSubstr;
using testing::rev_parse;
namespace fs = std::filesystem;

// main: a - b - m (m merges side: a - s1 - s2); topic branches off b with t1.
class RevisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    a_ = testing::commit(repo_, "a");
    run({"checkout", "-q", "-b", "side"});
    s1_ = testing::commit(repo_, "s1");
    s2_ = testing::commit(repo_, "s2");
    run({"checkout", "-q", "main"});
    b_ = testing::commit(repo_, "b");
    run({"merge", "-q", "--no-ff", "-m", "m", "side"});
    m_ = rev_parse(repo_, "HEAD");
    run({"checkout", "-q", "-b", "topic", b_});
    t1_ = testing::commit(repo_, "t1");
  }
  std::string run(const std::vector<std::string>& args) { return testing::git(repo_, args); }

  testing::TempDir dir_{"benchgate-git-revision"};
  fs::path repo_ = dir_ / "repo";
  std::string a_, b_, s1_, s2_, m_, t1_;
};

TEST_F(RevisionTest, ResolvesBranchesShortIdsAndRelativeRevisionsToFullIds) {
  EXPECT_EQ(resolve_revision(repo_, "main"), m_);
  EXPECT_EQ(resolve_revision(repo_, "HEAD"), t1_);
  EXPECT_EQ(resolve_revision(repo_, "main~1"), b_);
  EXPECT_EQ(resolve_revision(repo_, "main^2"), s2_);
  EXPECT_EQ(resolve_revision(repo_, s1_.substr(0, 10)), s1_);
  // From a subdirectory, like `git -C`.
  fs::create_directories(repo_ / "sub" / "dir");
  EXPECT_EQ(resolve_revision(repo_ / "sub" / "dir", "side"), s2_);
  run({"tag", "-a", "-m", "annotated", "v1", b_});
  EXPECT_EQ(resolve_revision(repo_, "v1"), b_) << "an annotated tag peels to its commit";
}

TEST_F(RevisionTest, AnUnknownRevisionIsAnInputErrorNamingIt) {
  try {
    resolve_revision(repo_, "no-such-branch");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no-such-branch"));
  }
  EXPECT_THROW(resolve_revision(dir_ / "not-a-repo", "HEAD"), InputError);
}

TEST_F(RevisionTest, TryResolveGivesNothingInsteadOfAnError) {
  EXPECT_EQ(try_resolve_revision(repo_, "side"), s2_);
  EXPECT_EQ(try_resolve_revision(repo_, "no-such-branch"), std::nullopt);
  EXPECT_EQ(try_resolve_revision(dir_ / "not-a-repo", "HEAD"), std::nullopt);
  const Repository repo = Repository::open(repo_);
  EXPECT_EQ(try_resolve_revision(repo, "main~2"), a_);
  EXPECT_EQ(try_resolve_revision(repo, "main~9"), std::nullopt);
}

TEST_F(RevisionTest, FirstParentFollowsTheMainLineAndEndsAtTheRoot) {
  EXPECT_EQ(first_parent(repo_, m_), b_) << "not the merged side";
  EXPECT_EQ(first_parent(repo_, "side"), s1_);
  EXPECT_EQ(first_parent(repo_, a_), std::nullopt);
}

TEST_F(RevisionTest, MergeBaseMatchesGit) {
  EXPECT_EQ(merge_base(repo_, "topic", "main"), b_);
  EXPECT_EQ(merge_base(repo_, "topic", "main"), run({"merge-base", "topic", "main"}));
  EXPECT_EQ(merge_base(repo_, "side", "topic"), a_);
  EXPECT_EQ(merge_base(Repository::open(repo_), "main", "side"), s2_);
}

TEST_F(RevisionTest, UnrelatedHistoriesHaveNoMergeBase) {
  run({"checkout", "-q", "--orphan", "lonely"});
  const std::string lonely = testing::commit(repo_, "lonely");
  try {
    merge_base(repo_, "lonely", "main");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no common ancestor"));
  }
  EXPECT_EQ(first_parent(repo_, lonely), std::nullopt);
}

TEST_F(RevisionTest, FirstParentWalkStepsDownTheMainLineToTheRoot) {
  const Repository repo = Repository::open(repo_);
  FirstParentWalk walk(repo, m_);
  std::vector<std::string> seen{walk.commit()};
  while (walk.step()) seen.push_back(walk.commit());
  EXPECT_EQ(seen, (std::vector<std::string>{m_, b_, a_}));
  EXPECT_EQ(walk.end(), FirstParentWalk::End::kRoot);
  EXPECT_FALSE(walk.step()) << "a finished walk stays finished";
}

TEST_F(RevisionTest, FirstParentWalkStopsAtTheEdgeOfAShallowClone) {
  const fs::path shallow = dir_ / "shallow";
  testing::git(dir_.path(), {"clone", "-q", "--depth", "2", "--branch", "main",
                             "file://" + repo_.string(), shallow.string()});
  const Repository repo = Repository::open(shallow);
  FirstParentWalk walk(repo, m_);
  ASSERT_TRUE(walk.step());
  EXPECT_EQ(walk.commit(), b_);
  EXPECT_FALSE(walk.step());
  EXPECT_EQ(walk.end(), FirstParentWalk::End::kShallow) << "not a root: the history was cut";
  // The merge-base of a branch that forked below the cut is not here: say how to deepen.
  testing::git(shallow, {"fetch", "-q", "--depth", "1", "origin", "topic:topic"});
  try {
    merge_base(shallow, "topic", "main");
    FAIL() << "expected EnvironmentError";
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), HasSubstr("shallow"));
    EXPECT_THAT(e.what(), HasSubstr("--deepen"));
  }
}

TEST_F(RevisionTest, HasCommitAndCommitTimeKnowWhatThisCloneHolds) {
  const Repository repo = Repository::open(repo_);
  EXPECT_TRUE(has_commit(repo, s1_));
  const std::string absent(40, 'e');
  EXPECT_FALSE(has_commit(repo, absent));
  EXPECT_THROW(has_commit(repo, "main"), InputError) << "only full ids";
  EXPECT_EQ(commit_time(repo, b_),
            std::stoll(testing::git(repo_, {"show", "-s", "--format=%ct", b_})));
  EXPECT_EQ(commit_time(repo, absent), std::nullopt);
}

TEST_F(RevisionTest, CommitSummaryIsTheCommitTimeAndTheSubjectLine) {
  run({"commit", "-q", "--allow-empty", "-m", "Speed up the parser\n\nA body that is not shown."});
  const std::string c = rev_parse(repo_, "HEAD");
  const Repository repo = Repository::open(repo_);
  const std::optional<CommitSummary> summary = commit_summary(repo, c);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->subject, "Speed up the parser");
  EXPECT_EQ(summary->time, std::stoll(testing::git(repo_, {"show", "-s", "--format=%ct", c})));
  EXPECT_EQ(commit_summary(repo, std::string(40, 'e')), std::nullopt);
}

TEST_F(RevisionTest, ReferenceCommitAndReferenceNames) {
  const Repository repo = Repository::open(repo_);
  EXPECT_EQ(reference_commit(repo, "refs/heads/side"), s2_);
  EXPECT_EQ(reference_commit(repo, "refs/heads/gone"), std::nullopt);
  EXPECT_TRUE(is_valid_reference_name("refs/remotes/origin/main"));
  EXPECT_FALSE(is_valid_reference_name("refs/remotes/https://host/repo.git/main"));
  EXPECT_TRUE(is_full_hex_oid(a_));
  EXPECT_FALSE(is_full_hex_oid(a_.substr(1)));
  EXPECT_FALSE(is_full_hex_oid(std::string(40, 'A')));
}

// A clone of `repo_` (remote "origin"), for the questions about remotes.
class RemotesTest : public RevisionTest {
 protected:
  void SetUp() override {
    RevisionTest::SetUp();
    run({"checkout", "-q", "main"});
    testing::git(dir_.path(), {"clone", "-q", repo_.string(), clone_.string()});
  }
  fs::path clone_ = dir_ / "clone";
};

TEST_F(RemotesTest, TheCheckedOutBranchsUpstreamIsTheDefaultTarget) {
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/main");
  testing::git(clone_, {"checkout", "-q", "-b", "work", "--track", "origin/side"});
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/side");
}

TEST_F(RemotesTest, WithoutAnUpstreamTheRemotesHeadIsTheDefaultTarget) {
  testing::git(clone_, {"checkout", "-q", "-b", "loose"});  // no upstream
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/main");
  testing::git(clone_, {"remote", "set-head", "origin", "side"});
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/side");
  // Without origin/HEAD, the remote's main (or master) is the default branch.
  testing::git(clone_, {"remote", "set-head", "origin", "--delete"});
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/main");
  testing::git(clone_, {"checkout", "-q", "--detach"});  // detached: no branch, no upstream
  EXPECT_EQ(default_local_target(clone_, "origin"), "refs/remotes/origin/main");
  EXPECT_EQ(current_branch(clone_), std::nullopt);
}

TEST_F(RemotesTest, TheDefaultBranchFallsBackToInitDefaultBranchThenLocalBranches) {
  testing::git(clone_, {"remote", "set-head", "origin", "--delete"});
  testing::git(clone_, {"branch", "-q", "-m", "main", "loose"});
  testing::git(clone_, {"update-ref", "-d", "refs/remotes/origin/main"});
  // The remote has only `side` now: no main/master there, no origin/HEAD.
  EXPECT_EQ(find_default_branch(clone_, "origin", /*remote_only=*/true), std::nullopt);
  testing::git(clone_, {"config", "init.defaultBranch", "side"});
  auto found = find_default_branch(clone_, "origin", true);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->ref, "refs/remotes/origin/side");
  EXPECT_EQ(found->name, "side");
  // Without any remote branch of those names, the local branches count.
  testing::git(clone_, {"config", "init.defaultBranch", "trunk"});
  EXPECT_EQ(find_default_branch(clone_, "origin"), std::nullopt);
  testing::git(clone_, {"branch", "-q", "trunk"});
  found = find_default_branch(clone_, "origin");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->ref, "refs/heads/trunk");
  EXPECT_EQ(current_branch(clone_), "loose");
  // A remote given as a URL has no remote-tracking refs.
  EXPECT_EQ(find_default_branch(clone_, "https://host/repo.git", true), std::nullopt);
}

TEST_F(RemotesTest, TheBranchARevisionNames) {
  EXPECT_EQ(branch_named_by(clone_, "refs/heads/anything"), "anything") << "by its text";
  EXPECT_EQ(branch_named_by(clone_, "refs/remotes/upstream/rel"), "rel");
  EXPECT_EQ(branch_named_by(clone_, "main"), "main");
  EXPECT_EQ(branch_named_by(clone_, "origin/side"), "side");
  EXPECT_EQ(branch_named_by(clone_, "origin/nothere"), std::nullopt);
  EXPECT_EQ(branch_named_by(clone_, "HEAD"), std::nullopt);
  EXPECT_EQ(branch_named_by(clone_, "main~1"), std::nullopt);
  EXPECT_EQ(branch_named_by(clone_, a_), std::nullopt);
}

TEST_F(RemotesTest, RemoteExistsOnlyForConfiguredRemotes) {
  EXPECT_TRUE(remote_exists(clone_, "origin"));
  EXPECT_FALSE(remote_exists(clone_, "upstream"));
  EXPECT_FALSE(remote_exists(repo_, "origin"));
  testing::git(repo_, {"remote", "add", "upstream", clone_.string()});
  EXPECT_TRUE(remote_exists(repo_, "upstream"));
}

}  // namespace
}  // namespace benchgate::git
