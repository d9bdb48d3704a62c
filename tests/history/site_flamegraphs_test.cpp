// The dashboard's differential flame graphs (history/site_flamegraphs.h) from profiles stored in
// git notes of a real repository: written where both sides of a change have a profile of the
// same benchmark on the same testbed, nowhere else, and never from a name outside the site.
#include "history/site_flamegraphs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/folded_packing.h"
#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/hostile_text.h"
#include "tests/support/temp_dir.h"

namespace benchgate::history {
namespace {
using ::testing::HasSubstr;
using ::testing::IsEmpty;

store::StoredProfile stored(const std::string& testbed, const std::string& benchmark,
                            const std::string& folded) {
  store::StoredProfile p;
  p.testbed = testbed;
  p.suite = "micro";
  p.benchmark = benchmark;
  const auto packed = profile::pack_folded(folded);
  p.encoding = packed.encoding;
  p.data = packed.data;
  p.size = folded.size();
  return p;
}

HistoryChange change(const std::string& before, const std::string& after) {
  HistoryChange c;
  c.index = 1;
  c.last_before = before;
  c.first_after = after;
  c.ratio = 1.5;
  return c;
}

HistorySeries series(const std::string& benchmark, const std::string& testbed,
                     std::vector<HistoryChange> changes) {
  HistorySeries s;
  s.suite = "micro";
  s.benchmark = benchmark;
  s.metric = "real_time";
  s.testbed = testbed;
  s.changes = std::move(changes);
  return s;
}

class SiteFlamegraphs : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    for (const char* subject : {"one", "two", "three"})
      commits_.push_back(testing::commit(repo_, subject));
  }
  store::ProfileStore profiles() const {
    return store::ProfileStore(
        std::make_unique<store::GitNotesStore>(repo_, store::kProfileNotesRef));
  }
  testing::TempDir dir_{"benchgate-site-flamegraphs"};
  std::filesystem::path repo_ = dir_ / "repo";
  std::filesystem::path site_ = dir_ / "site";
  std::vector<std::string> commits_;
};

TEST_F(SiteFlamegraphs, OnlyChangesWithBothProfilesOfTheSameTestbedGetOne) {
  const std::string hostile = "../../escape</script><img src=x onerror=alert(1)>";
  auto store = profiles();
  store.save(commits_[0], {stored("ci", "parse", "main;parse;old_path 90\nmain;parse;common 10\n"),
                           stored("ci", hostile, "main;x 5\n")});
  store.save(commits_[1],
             {stored("ci", "parse", "main;parse;new_path 90\nmain;parse;common 10\n"),
              stored("ci", hostile, "main;y 5\n"), stored("other", "lex", "main;lex 5\n")});
  History history;
  history.series.push_back(
      series("parse", "ci",
             {change(commits_[0], commits_[1]), change(commits_[1], commits_[2])}));  // no after
  history.series.push_back(series("lex", "ci", {change(commits_[0], commits_[1])}));  // none on ci
  history.series.push_back(series(hostile, "ci", {change(commits_[0], commits_[1])}));

  EXPECT_EQ(write_site_flamegraphs(history, store, site_), 2u);

  const auto& parse = history.series[0].changes;
  EXPECT_EQ(parse[0].flamegraph, "flamegraphs/s0-c0-parse.svg");
  EXPECT_THAT(parse[1].flamegraph, IsEmpty());
  EXPECT_THAT(history.series[1].changes[0].flamegraph, IsEmpty());
  const auto svg = testing::read_file(site_ / parse[0].flamegraph);
  EXPECT_EQ(testing::xml_problem(svg), "");
  EXPECT_THAT(svg, HasSubstr("new_path"));
  EXPECT_THAT(
      svg, HasSubstr("parse: " + commits_[0].substr(0, 7) + " -&gt; " + commits_[1].substr(0, 7)));
  // The hostile name's file stays in flamegraphs/, under a plain name.
  const auto& escaped = history.series[2].changes[0].flamegraph;
  EXPECT_EQ(escaped, "flamegraphs/s2-c0-.._.._escape__script__img_src_x_onerror_alert_1__.svg");
  EXPECT_TRUE(std::filesystem::is_regular_file(site_ / escaped));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_ / "site")) {
    files += entry.is_regular_file();
  }
  EXPECT_EQ(files, 2u);
}

// A profile that cannot be unpacked costs its change the flame graph, with a warning; the
// others are still written.
TEST_F(SiteFlamegraphs, AnUnreadableProfileIsSkipped) {
  auto store = profiles();
  auto corrupt = stored("ci", "parse", "main;parse 10\n");
  corrupt.encoding = std::string(profile::kFoldedGzip);
  corrupt.data = "not gzip at all";
  store.save(commits_[0], {corrupt, stored("ci", "lex", "main;lex 5\n")});
  store.save(commits_[1],
             {stored("ci", "parse", "main;parse 10\n"), stored("ci", "lex", "main;lex 9\n")});
  History history;
  history.series.push_back(series("parse", "ci", {change(commits_[0], commits_[1])}));
  history.series.push_back(series("lex", "ci", {change(commits_[0], commits_[1])}));
  EXPECT_EQ(write_site_flamegraphs(history, store, site_), 1u);
  EXPECT_THAT(history.series[0].changes[0].flamegraph, IsEmpty());
  EXPECT_EQ(history.series[1].changes[0].flamegraph, "flamegraphs/s1-c0-lex.svg");
}

}  // namespace
}  // namespace benchgate::history
