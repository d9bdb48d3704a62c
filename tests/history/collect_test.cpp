// collect_history on real repositories: the first-parent walk, one point per job, the origin
// policy, the filters, shallow clones and the order of the series.
#include <fstream>

#include <gtest/gtest.h>

#include "core/errors.h"
#include "history/collect.h"
#include "store/profile_store.h"
#include "store/record_lines.h"
#include "store/store_factory.h"
#include "tests/history/history_fixture.h"
#include "tests/store/git_fixture.h"

namespace benchgate::testing {
namespace {

std::vector<std::string> commits_of(const HistorySeries& series) {
  std::vector<std::string> out;
  for (const HistoryPoint& p : series.points) out.push_back(p.job->commit);
  return out;
}

const HistorySeries* find_series(const History& h, const std::string& benchmark,
                                 const std::string& metric = kRealTime,
                                 const std::string& testbed = "ci") {
  for (const HistorySeries& s : h.series)
    if (s.benchmark == benchmark && s.metric == metric && s.testbed == testbed) return &s;
  return nullptr;
}

History collect(const HistoryRepo& repo, history::HistoryQuery query = {}) {
  query.repo = repo.path();
  return history::collect_history(query, *repo.store());
}

TEST(HistoryCollect, WalksFirstParentsAndIgnoresMergedSideBranches) {
  HistoryRepo repo;
  const std::string c1 = repo.commit("one");
  repo.job(c1);
  git(repo.path(), {"checkout", "-q", "-b", "side"});
  const std::string side = repo.commit("side work");
  repo.job(side, {.created_at = "2026-01-01T00:00:01Z"});
  git(repo.path(), {"checkout", "-q", "main"});
  const std::string c2 = repo.commit("two");
  repo.job(c2);
  git(repo.path(), {"merge", "-q", "--no-ff", "-m", "merge side", "side"});
  const std::string merge = rev_parse(repo.path(), "HEAD");
  repo.job(merge);

  const History h = collect(repo);
  EXPECT_EQ(h.branch, "main");
  EXPECT_EQ(h.head, merge);
  EXPECT_EQ(h.commits_walked, 3u);
  EXPECT_FALSE(h.shallow);
  const HistorySeries* a = find_series(h, "BM_A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(commits_of(*a), (std::vector<std::string>{c1, c2, merge}));
  EXPECT_EQ(a->suite, "unit");
  EXPECT_EQ(a->unit, "ns");
  EXPECT_EQ(a->points[1].job->subject, "two");
  EXPECT_GT(a->points[1].job->commit_time, a->points[0].job->commit_time);
}

TEST(HistoryCollect, SeveralJobsOnOneCommitAreSeveralPointsInRecordedOrder) {
  HistoryRepo repo;
  const std::string c1 = repo.commit("one");
  repo.job(c1, {.created_at = "2026-01-02T00:00:00Z", .levels = {{"BM_A", 120}}});
  repo.job(c1, {.created_at = "2026-01-01T00:00:00Z", .levels = {{"BM_A", 110}}});
  const History h = collect(repo);
  const HistorySeries* a = find_series(h, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->points.size(), 2u);
  EXPECT_EQ(a->points[0].job->created_at, "2026-01-01T00:00:00Z");
  EXPECT_DOUBLE_EQ(a->points[0].estimate, 110);
  EXPECT_DOUBLE_EQ(a->points[1].estimate, 120);
}

TEST(HistoryCollect, PointIsTheMedianOfProcessMediansWithAnOrderStatisticInterval) {
  HistoryRepo repo;
  const std::string c1 = repo.commit("one");
  // Five processes at 98, 99, 100, 101, 102: too few for a 95% order-statistic interval of the
  // median, so the interval is min..max of the process medians.
  repo.job(c1, {.processes = 5, .levels = {{"BM_A", 100}}});
  const std::string c2 = repo.commit("two");
  // Eleven processes at 95..105: P(B(11, 1/2) <= 1) = 12/2048, so x(2)..x(10) covers 99.4%.
  repo.job(c2, {.processes = 11, .levels = {{"BM_A", 100}}});
  const HistorySeries* a = find_series(collect(repo), "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->points.size(), 2u);
  EXPECT_DOUBLE_EQ(a->points[0].estimate, 100);
  EXPECT_EQ(a->points[0].processes, 5u);
  EXPECT_DOUBLE_EQ(a->points[0].low, 98);
  EXPECT_DOUBLE_EQ(a->points[0].high, 102);
  EXPECT_EQ(a->points[1].processes, 11u);
  EXPECT_DOUBLE_EQ(a->points[1].low, 96);
  EXPECT_DOUBLE_EQ(a->points[1].high, 104);
}

TEST(HistoryCollect, RecordsOfOtherBranchesArePassedOverAndNamed) {
  HistoryRepo repo;
  const std::string c1 = repo.commit("one");
  repo.job(c1);
  const std::string c2 = repo.commit("two");
  RunRecord topic_run = make_job({.created_at = "2026-01-03T00:00:00Z"});
  Provenance topic;
  topic.context = "local run";
  topic.branch = "topic";
  set_provenance(topic_run, topic);
  repo.record(c2, topic_run);

  const History h = collect(repo);
  EXPECT_EQ(find_series(h, "BM_A")->points.size(), 1u);
  bool named = false;
  for (const std::string& note : h.notes)
    named = named || (note.find("passed over 1 record") != std::string::npos &&
                      note.find("topic") != std::string::npos);
  EXPECT_TRUE(named) << ::testing::PrintToString(h.notes);

  history::HistoryQuery any;
  any.any_origin = true;
  EXPECT_EQ(find_series(collect(repo, any), "BM_A")->points.size(), 2u);
}

TEST(HistoryCollect, FiltersBenchmarkMetricTestbedAndLast) {
  HistoryRepo repo;
  for (int i = 0; i < 4; ++i) {
    const std::string c = repo.commit("c" + std::to_string(i));
    repo.job(c);
    repo.job(c, {.testbed = "arm", .created_at = "2026-01-01T00:00:01Z"});
  }
  history::HistoryQuery q;
  q.benchmark = std::regex("_B$");
  q.testbed = "arm";
  q.last = 3;
  const History h = collect(repo, q);
  ASSERT_EQ(h.series.size(), 1u);
  EXPECT_EQ(h.series[0].benchmark, "BM_B");
  EXPECT_EQ(h.series[0].testbed, "arm");
  EXPECT_EQ(h.series[0].points.size(), 3u);

  history::HistoryQuery all;
  all.metric = "";
  // 2 benchmarks x 2 metrics x 2 testbeds.
  EXPECT_EQ(collect(repo, all).series.size(), 8u);
}

TEST(HistoryCollect, SinceStopsTheWalkAtTheFirstOlderCommit) {
  HistoryRepo repo;
  std::vector<std::string> commits;
  for (int i = 0; i < 4; ++i) {
    commits.push_back(repo.commit("c" + std::to_string(i)));
    repo.job(commits.back());
  }
  history::HistoryQuery q;
  q.since = std::stoll(git(repo.path(), {"show", "-s", "--format=%ct", commits[2]}));
  const History h = collect(repo, q);
  EXPECT_EQ(h.commits_walked, 2u);
  EXPECT_EQ(commits_of(*find_series(h, "BM_A")),
            (std::vector<std::string>{commits[2], commits[3]}));
}

TEST(HistoryCollect, DefaultBranchIsShownFromAnotherBranch) {
  HistoryRepo repo;
  repo.job(repo.commit("one"));
  git(repo.path(), {"checkout", "-q", "-b", "topic"});
  repo.job(repo.commit("topic work"));
  const History h = collect(repo);
  EXPECT_EQ(h.branch, "main");
  EXPECT_EQ(find_series(h, "BM_A")->points.size(), 1u);
}

TEST(HistoryCollect, WithoutADefaultBranchTheCurrentBranchIsShownWithANote) {
  HistoryRepo repo;
  git(repo.path(), {"checkout", "-q", "-b", "trunk"});
  repo.job(repo.commit("one"));
  const History h = collect(repo);
  EXPECT_EQ(h.branch, "trunk");
  ASSERT_FALSE(h.notes.empty());
  EXPECT_NE(h.notes[0].find("current branch trunk"), std::string::npos);
  git(repo.path(), {"checkout", "-q", "--detach"});
  EXPECT_THROW(collect(repo), InputError);
}

TEST(HistoryCollect, ShallowCloneStopsWithANote) {
  HistoryRepo repo;
  for (int i = 0; i < 5; ++i) repo.job(repo.commit("c" + std::to_string(i)));
  TempDir clone_dir("benchgate-history-clone");
  const auto clone = clone_dir / "clone";
  git(clone_dir.path(),
      {"clone", "-q", "--depth", "2", "file://" + repo.path().string(), clone.string()});
  git(clone, {"fetch", "-q", "origin", "refs/notes/benchgate:refs/notes/benchgate"});
  history::HistoryQuery q;
  q.repo = clone;
  const History h = history::collect_history(q, *store::open_store("git", clone));
  EXPECT_TRUE(h.shallow);
  EXPECT_EQ(h.commits_walked, 2u);
  bool told = false;
  for (const std::string& note : h.notes) told = told || note.find("shallow") != std::string::npos;
  EXPECT_TRUE(told);
  EXPECT_EQ(find_series(h, "BM_A")->points.size(), 2u);
}

TEST(HistoryCollect, PointsWithAStoredProfileAreMarked) {
  HistoryRepo repo;
  const std::string c1 = repo.commit("one");
  repo.job(c1);
  const std::string c2 = repo.commit("two");
  repo.job(c2);
  const auto profiles = store::open_profile_store("git", repo.path());
  profiles->save(c2, {{"ci", "unit", "BM_A", "gzip", "bytes", 5, ""}});
  history::HistoryQuery q;
  q.repo = repo.path();
  const History h = history::collect_history(q, *repo.store(), profiles.get());
  const HistorySeries* a = find_series(h, "BM_A");
  ASSERT_EQ(a->points.size(), 2u);
  EXPECT_FALSE(a->points[0].has_profile);
  EXPECT_TRUE(a->points[1].has_profile);
  EXPECT_FALSE(find_series(h, "BM_B")->points[1].has_profile);  // another benchmark's profile
}

TEST(HistoryCollect, WorstMoversComeFirst) {
  HistoryRepo repo;
  for (int i = 0; i < 4; ++i)
    repo.job(repo.commit("c" + std::to_string(i)),
             {.levels = {{"BM_Steady", 100}, {"BM_Moved", i == 3 ? 150.0 : 100.0}}});
  const History h = collect(repo);
  ASSERT_EQ(h.series.size(), 2u);
  EXPECT_EQ(h.series[0].benchmark, "BM_Moved");
}

// Needs the real change-point detector (stats/change_points.cpp); with the placeholder that
// finds nothing this test fails.
TEST(HistoryCollect, ThirtyPercentStepIsAChangePoint) {
  HistoryRepo repo;
  std::vector<std::string> commits;
  for (int i = 0; i < 24; ++i) {
    commits.push_back(repo.commit("c" + std::to_string(i)));
    // A little job-to-job wobble, then a 30% step at commit 12.
    const double wobble = 1 + 0.005 * ((i * 7) % 5 - 2);
    repo.job(commits.back(), {.levels = {{"BM_A", (i < 12 ? 100.0 : 130.0) * wobble}}});
  }
  const History h = collect(repo);
  const HistorySeries* a = find_series(h, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->changes.size(), 1u);
  const HistoryChange& c = a->changes[0];
  EXPECT_EQ(c.index, 12u);
  EXPECT_EQ(c.last_before, commits[11]);
  EXPECT_EQ(c.first_after, commits[12]);
  EXPECT_NEAR(c.ratio, 1.3, 0.02);
  EXPECT_NEAR(c.before, 100, 2);
  EXPECT_NEAR(c.after, 130, 2);
  EXPECT_LE(c.p_value, h.detection.max_p_value);
}

}  // namespace
}  // namespace benchgate::testing

namespace benchgate::testing {
namespace {

// Records are read in batches and parsed on every core (history/collect.cpp): across several
// batches, every point still belongs to its own commit, in order, with its own level, and an
// unreadable line or an entry-less commit in the middle changes nothing else. The 700 commits are
// made by one `git fast-import` and the records written to a directory store, so the test is quick.
TEST(HistoryCollect, AHistoryOfManyBatchesKeepsEveryPointWithItsCommit) {
  constexpr int kCommits = 700;
  TempDir dir("benchgate-history-long");
  const auto repo = dir / "repo";
  init_repo(repo);
  std::string stream;
  for (int i = 1; i <= kCommits; ++i) {
    const std::string message = "commit " + std::to_string(i);
    stream += "commit refs/heads/main\nmark :" + std::to_string(i) +
              "\ncommitter t <t@example.com> " + std::to_string(1700000000 + 60 * i) +
              " +0000\ndata " + std::to_string(message.size()) + "\n" + message + "\n";
    if (i > 1) stream += "from :" + std::to_string(i - 1) + "\n";
    stream += "\n";
  }
  ProcessOptions options = in_dir(repo);
  options.stdin_text = stream;
  const ProcessResult imported = run_process(
      {"git", "fast-import", "--quiet", "--export-marks=" + (dir / "marks").string()}, options);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  git(repo, {"reset", "-q", "--hard", "main"});

  const auto store_dir = dir / "store";
  std::filesystem::create_directories(store_dir);
  std::map<std::string, double> level_of;  // commit -> BM_A's level
  std::ifstream marks(dir / "marks");
  for (std::string mark, id; marks >> mark >> id;) {
    const int i = std::stoi(mark.substr(1));
    if (i == 300) continue;  // a commit without an entry
    JobSpec spec;
    spec.levels = {{"BM_A", 100.0 + i}, {"BM_B", 1000.0 - i}};
    RunRecord record = make_job(spec);
    record.commit = id;
    std::string text = store::record_to_line(record) + "\n";
    if (i == 257) text += "{\"not\": \"a record\"}\n";  // one unreadable line
    std::ofstream(store_dir / (id + ".jsonl")) << text;
    level_of[id] = 100.0 + i;
  }

  history::HistoryQuery query;
  query.repo = repo;
  query.branch = "main";
  const History h =
      history::collect_history(query, *store::open_store("dir:" + store_dir.string(), repo));
  EXPECT_EQ(h.commits_walked, static_cast<std::size_t>(kCommits));
  const HistorySeries* a = find_series(h, "BM_A");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->points.size(), static_cast<std::size_t>(kCommits - 1));
  for (std::size_t i = 0; i < a->points.size(); ++i) {
    const HistoryPoint& p = a->points[i];
    const int number = static_cast<int>(i) + (i < 299 ? 1 : 2);
    ASSERT_EQ(p.job->subject, "commit " + std::to_string(number)) << i;
    ASSERT_DOUBLE_EQ(p.estimate, level_of.at(p.job->commit)) << i;
  }
  const auto unreadable = std::count_if(h.notes.begin(), h.notes.end(), [](const std::string& n) {
    return n.find("unreadable stored record skipped") != std::string::npos;
  });
  EXPECT_EQ(unreadable, 1);
}

}  // namespace
}  // namespace benchgate::testing
