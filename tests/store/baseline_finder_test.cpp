#include "store/baseline_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::store {
namespace {
using testing::commit;
using testing::git;
using ::testing::HasSubstr;
using testing::make_record;

// main:   A(ci) - B - C(laptop) - M1 - M2 (merge of side) - N
//                      \          /
//   side:               S1(ci) --
//   topic (from C):   T1 - T2        topic2 (from M2): U1
class BaselineFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    a_ = commit(repo_, "A");
    b_ = commit(repo_, "B");
    c_ = commit(repo_, "C");
    git(repo_, {"checkout", "-q", "-b", "side"});
    s1_ = commit(repo_, "S1");
    git(repo_, {"checkout", "-q", "-b", "topic", c_});
    commit(repo_, "T1");
    t2_ = commit(repo_, "T2");
    git(repo_, {"checkout", "-q", "main"});
    m1_ = commit(repo_, "M1");
    git(repo_, {"merge", "-q", "--no-ff", "-m", "M2", "side"});
    m2_ = testing::rev_parse(repo_, "HEAD");
    git(repo_, {"checkout", "-q", "-b", "topic2"});
    u1_ = commit(repo_, "U1");
    git(repo_, {"checkout", "-q", "main"});
    n_ = commit(repo_, "N");
    GitNotesStore store(repo_);
    store.save(a_, {make_record("ci", "A")});
    store.save(c_, {make_record("laptop", "C")});
    store.save(s1_, {make_record("ci", "S1")});
  }
  BaselineQuery query(const std::string& head, const std::string& target) {
    BaselineQuery q;
    q.repo = repo_;
    q.head = head;
    q.target = target;
    q.testbed = "ci";
    return q;
  }
  testing::TempDir dir_;
  std::filesystem::path repo_ = dir_ / "repo";
  std::string a_, b_, c_, s1_, t2_, m1_, m2_, u1_, n_;
};

TEST_F(BaselineFinderTest, MergeBaseThenNearestAncestorWithThisTestbed) {
  BaselineResult r = find_baseline(query("topic", "main"));
  EXPECT_EQ(r.merge_base, c_);
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.baselines[0].commit, a_) << "C has only a laptop record, B none";
  EXPECT_EQ(r.baselines[0].distance, 2);
  EXPECT_EQ(r.baselines[0].records.size(), 1u);
  EXPECT_THAT(r.trail[0], HasSubstr("other testbeds: laptop"));
  EXPECT_THAT(r.summary(), HasSubstr("2 commits before the merge-base"));
}

TEST_F(BaselineFinderTest, FollowsFirstParentsOnlyThroughMerges) {
  BaselineResult r = find_baseline(query(u1_, "main"));
  EXPECT_EQ(r.merge_base, m2_);
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.baselines[0].commit, a_) << "S1 is the merge's second parent and must not be used";
  EXPECT_EQ(r.baselines[0].distance, 4);  // M2, M1, C, B, then A
}

TEST_F(BaselineFinderTest, MaxDistanceAndTestbedAreRespected) {
  BaselineQuery q = query("topic", "main");
  q.max_distance = 1;
  BaselineResult r = find_baseline(q);
  EXPECT_FALSE(r.found());
  EXPECT_THAT(r.trail.back(), HasSubstr("--max-distance 1"));
  q.max_distance = 50;
  q.testbed = "laptop";
  EXPECT_EQ(find_baseline(q).baselines.at(0).commit, c_);
  q.testbed = "nobody";
  BaselineResult none = find_baseline(q);
  EXPECT_FALSE(none.found());
  EXPECT_THAT(none.trail.back(), HasSubstr("root commit"));
}

TEST_F(BaselineFinderTest, WindowCollectsSeveralRecordedAncestorsNearestFirst) {
  GitNotesStore(repo_).save(m1_, {make_record("ci", "M1")});
  BaselineQuery q = query(u1_, "main");
  q.window = 2;
  BaselineResult r = find_baseline(q);
  ASSERT_EQ(r.baselines.size(), 2u);
  EXPECT_EQ(r.baselines[0].commit, m1_);
  EXPECT_EQ(r.baselines[0].distance, 1);
  EXPECT_EQ(r.baselines[1].commit, a_);
}

TEST_F(BaselineFinderTest, UnknownRevisionsAndMissingTestbedAreInputErrors) {
  EXPECT_THROW(find_baseline(query("topic", "no-such-branch")), InputError);
  BaselineQuery q = query("topic", "main");
  q.testbed = "";
  EXPECT_THROW(find_baseline(q), InputError);
}

TEST_F(BaselineFinderTest, DepthOneCloneFailsClearlyInsteadOfPickingAWrongBase) {
  std::filesystem::path clone = dir_ / "shallow";
  git(dir_.path(), {"clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repo_.string(),
                    clone.string()});
  git(clone,
      {"fetch", "-q", "--depth", "1", "origin", "+refs/notes/benchgate:refs/notes/benchgate"});
  BaselineQuery q;
  q.repo = clone;
  q.head = "origin/topic";
  q.target = "origin/main";
  q.testbed = "ci";
  try {
    BaselineResult r = find_baseline(q);
    FAIL() << "expected an error, got " << r.summary();
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), HasSubstr("shallow"));
    EXPECT_THAT(e.what(), HasSubstr("--unshallow"));
  }
  // Head and target the same commit: the merge-base is there, but no recorded ancestor is.
  q.head = q.target = "origin/main";
  EXPECT_THROW(find_baseline(q), EnvironmentError);
}

}  // namespace
}  // namespace benchgate::store
