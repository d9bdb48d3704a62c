#include "store/baseline_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/provenance.h"
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

RunRecord record_from(const std::string& commit, const Provenance& provenance) {
  RunRecord r = make_record("ci", "P");
  r.commit = commit;
  set_provenance(r, provenance);
  return r;
}

// docs/store.md#which-records-can-be-a-baseline, rule by rule.
TEST(BaselineOrigin, OnlyRecordsOfTheTargetBranchBuiltByTheirOwnCommitQualify) {
  const std::string commit(40, 'a');
  const std::string other(40, 'b');
  RunRecord legacy = make_record("ci", "L");
  EXPECT_EQ(why_not_a_baseline(legacy, {}), std::nullopt) << "no provenance: used as before";

  Provenance main_push{"GitHub push", "main", true, false, commit};
  EXPECT_EQ(why_not_a_baseline(record_from(commit, main_push), {}), std::nullopt);

  Provenance topic{"local run", "topic", false, false, commit};
  auto why = why_not_a_baseline(record_from(commit, topic), {});
  ASSERT_TRUE(why);
  EXPECT_EQ(*why, "made by local run on branch topic, not on the default branch");
  EXPECT_EQ(why_not_a_baseline(record_from(commit, topic), {false, "topic"}), std::nullopt)
      << "the target branch's own records count";
  EXPECT_THAT(*why_not_a_baseline(record_from(commit, topic), {false, "release"}),
              HasSubstr("not on the default or release branch"));
  EXPECT_EQ(why_not_a_baseline(record_from(commit, topic), {true, ""}), std::nullopt);

  // The base side of an interleaved job, built with head's configuration.
  Provenance built_by_head{"GitHub pull request", "topic", false, false, other};
  EXPECT_THAT(*why_not_a_baseline(record_from(commit, built_by_head), {false, "topic"}),
              HasSubstr("another commit's configuration built it"));
  Provenance saved{"baseline save", "", false, true, ""};
  EXPECT_EQ(why_not_a_baseline(record_from(commit, saved), {}), std::nullopt);

  RunRecord damaged = make_record("ci", "D");
  damaged.environment["provenance"] = {{"default_branch", "yes"}};
  EXPECT_THAT(*why_not_a_baseline(damaged, {}),
              HasSubstr("environment.provenance.default_branch must be true or false"));
}

TEST_F(BaselineFinderTest, RecordsOfOtherBranchesArePassedOverAndNamed) {
  GitNotesStore store(repo_);
  // M1 on main gets a record made on a feature branch: the walk passes it over and goes on.
  store.save(m1_, {record_from(m1_, Provenance{"local run", "topic", false, false, m1_})});
  BaselineResult r = find_baseline(query(n_, "main"));
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.baselines[0].commit, a_);
  ASSERT_EQ(r.passed_over.size(), 1u);
  EXPECT_THAT(r.passed_over[0],
              HasSubstr(m1_.substr(0, 12) + ": made by local run on branch topic"));
  EXPECT_THAT(r.trail[2], HasSubstr("passed over 1 record(s)"));  // N, M2, then M1

  BaselineQuery any = query(n_, "main");
  any.origins.any_branch = true;
  EXPECT_EQ(find_baseline(any).baselines[0].commit, m1_);
}

}  // namespace
}  // namespace benchgate::store
