// Alerts on the default branch end to end: a History over the commits of a real git repository,
// `--alert` run through cli/history_alert.cpp against the fake GitHub and GitLab servers.
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "cli/history_alert.h"
#include "core/text.h"
#include "forge/sticky_comment.h"
#include "history/alerts.h"
#include "reporters/markdown_escape.h"
#include "tests/forge/fake_github.h"
#include "tests/forge/fake_gitlab.h"
#include "tests/prepush/git_fixture.h"
#include "tests/support/hostile_text.h"
#include "tests/support/log_capture.h"

namespace benchgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A series whose level moves by `ratio` at points[change_index], with one change point there.
HistorySeries series_with_change(const std::string& benchmark,
                                 const std::vector<std::string>& point_commits,
                                 std::size_t change_index, double ratio,
                                 const std::string& metric = "real_time") {
  HistorySeries series;
  series.suite = "micro";
  series.benchmark = benchmark;
  series.metric = metric;
  series.testbed = "ci-runner";
  series.unit = "ns";
  for (std::size_t i = 0; i < point_commits.size(); ++i) {
    HistoryPoint point;
    point.job = std::make_shared<const HistoryJob>(HistoryJob{point_commits[i], 0, "", ""});
    point.estimate = i < change_index ? 100 : 100 * ratio;
    point.low = point.estimate * 0.99;
    point.high = point.estimate * 1.01;
    point.processes = 5;
    series.points.push_back(point);
  }
  HistoryChange change;
  change.index = change_index;
  change.last_before = point_commits[change_index - 1];
  change.first_after = point_commits[change_index];
  change.before = 100, change.before_low = 99, change.before_high = 101;
  change.after = 100 * ratio, change.after_low = 99 * ratio, change.after_high = 101 * ratio;
  change.ratio = ratio;
  change.p_value = 1e-6;
  series.changes.push_back(change);
  return series;
}

class AlertTest : public ::testing::Test {
 protected:
  AlertTest() {
    for (int i = 0; i < 16; ++i)
      commits.push_back(repo.commit_file("f.txt", std::to_string(i), fmt::format("commit {}", i)));
    flags.alert = true;
    flags.forge = "github";
    flags.allow_insecure_http = true;
  }

  // Jobs recorded on commits 0, 2, ..., 14.
  std::vector<std::string> every_other() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < commits.size(); i += 2) out.push_back(commits[i]);
    return out;
  }

  History history_of(std::vector<HistorySeries> series) const {
    History history;
    history.branch = "main";
    history.head = commits.back();
    history.commit_url_prefix = "https://github.example/octo/widgets/commit/";
    history.series = std::move(series);
    return history;
  }

  std::map<std::string, std::string, std::less<>> github_env() const {
    return {{"GITHUB_API_URL", github.api_base()},
            {"GITHUB_REPOSITORY", github.options().repo},
            {"GITHUB_TOKEN", github.options().token}};
  }

  int run(const History& history, std::map<std::string, std::string, std::less<>> env = {}) {
    if (env.empty()) env = github_env();
    return cli::run_history_alerts(history, flags, repo.work(), forge::map_environment(env));
  }

  GitFixture repo;
  std::vector<std::string> commits;
  FakeGithub github;
  cli::AlertFlags flags;
};

TEST_F(AlertTest, FirstRunOpensOneIssueNamingTheChangeAndItsSuspects) {
  LogCapture log;
  // Points on commits 0..14 (every other); the level rises at the point of commit 12.
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  const std::string& body = issues[0].body;
  EXPECT_THAT(issues[0].title, HasSubstr("regression on main"));
  EXPECT_THAT(issues[0].title, HasSubstr(short_commit(commits[12])));
  EXPECT_THAT(body, HasSubstr("BM\\_parse"));
  EXPECT_THAT(body, HasSubstr("+25.0%"));
  EXPECT_THAT(body, HasSubstr("1.0e-06"));
  // The suspects are the first-parent commits in (commit 10, commit 12]: 12 and 11.
  EXPECT_THAT(body, HasSubstr("commit 12"));
  EXPECT_THAT(body, HasSubstr("commit 11"));
  EXPECT_THAT(body, Not(HasSubstr("commit 10")));
  EXPECT_THAT(body, HasSubstr(forge::sticky_marker("alert:" + commits[12])));
  EXPECT_THAT(body, HasSubstr(forge::sticky_marker("alert:" + commits[11])));
  EXPECT_THAT(body, HasSubstr("https://github.example/octo/widgets/commit/" + commits[11]));
  EXPECT_THAT(log.text(), HasSubstr("opened issue #1"));
}

TEST_F(AlertTest, SecondRunWithTheSameChangeUpdatesTheIssue) {
  const History history = history_of({series_with_change("BM_parse", every_other(), 6, 1.25)});
  ASSERT_EQ(run(history), 0);
  ASSERT_EQ(run(history), 0);
  EXPECT_EQ(github.issues().size(), 1u);
  EXPECT_EQ(github.request_count("POST", "/issues"), 1u);
  EXPECT_EQ(github.request_count("PATCH", "/issues/1"), 1u);
}

TEST_F(AlertTest, BenchmarksChangingAtTheSameRangeAreOneIssueAndJoinersUpdateIt) {
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25),
                            series_with_change("BM_write", every_other(), 6, 1.5)})),
            0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_THAT(issues[0].title, HasSubstr("2 benchmarks"));
  // Biggest change first.
  EXPECT_LT(issues[0].body.find("BM\\_write"), issues[0].body.find("BM\\_parse"));
}

TEST_F(AlertTest, OverlappingRangesOfTwoSeriesAreOneIssueOverTheirUnion) {
  // BM_parse changes in (10, 12]; BM_write, recorded on other commits, in (11, 14].
  std::vector<std::string> other = {commits[0], commits[2],  commits[4], commits[6],
                                    commits[8], commits[11], commits[14]};
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25),
                            series_with_change("BM_write", other, 6, 1.3)})),
            0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  const std::string& body = issues[0].body;
  EXPECT_THAT(body, HasSubstr("BM\\_parse"));
  EXPECT_THAT(body, HasSubstr("BM\\_write"));
  for (int i : {14, 13, 12, 11}) EXPECT_THAT(body, HasSubstr(fmt::format("commit {}\n", i))) << i;
  EXPECT_THAT(body, Not(HasSubstr("commit 10\n")));
  EXPECT_THAT(issues[0].title, HasSubstr(short_commit(commits[14])));
  EXPECT_LT(body.find("commit 14"), body.find("commit 11"));
}

TEST_F(AlertTest, ARefinedRangeUpdatesTheSameIssue) {
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  // A job recorded later on commit 11 shows the old level: the range narrows to (11, 12].
  std::vector<std::string> refined = every_other();
  refined.insert(refined.begin() + 6, commits[11]);
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", refined, 7, 1.25)})), 0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_THAT(issues[0].body, HasSubstr("commit 12"));
  EXPECT_THAT(issues[0].body, Not(HasSubstr("commit 11\n")));
  EXPECT_EQ(github.request_count("PATCH", "/issues/1"), 1u);
}

TEST_F(AlertTest, ARangeRefinedAtItsNewEndUpdatesTheSameIssue) {
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  // A job recorded later on commit 11 already shows the new level: the range becomes (10, 11].
  std::vector<std::string> refined = every_other();
  refined.insert(refined.begin() + 6, commits[11]);
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", refined, 6, 1.25)})), 0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_THAT(issues[0].title, HasSubstr(short_commit(commits[11])));
  EXPECT_THAT(issues[0].body, Not(HasSubstr("commit 12")));
}

TEST_F(AlertTest, TheIssueOnPageTwoIsUpdated) {
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  for (int i = 0; i < 120; ++i) github.add_issue("benchgate-bot", "other alert", "unrelated");
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.3)})), 0);
  EXPECT_EQ(github.issues().size(), 121u);
  EXPECT_THAT(github.issues()[0].body, HasSubstr("+30.0%"));
}

TEST_F(AlertTest, AnIssueWithOurMarkerByAnotherAuthorIsIgnored) {
  const std::string spoof_body = forge::sticky_marker("alert:" + commits[12]) + "\nedit me";
  github.add_issue("mallory", "spoof", spoof_body);
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].body, spoof_body);
  EXPECT_EQ(issues[1].author, "benchgate-bot");
}

TEST_F(AlertTest, HostileBenchmarkNamesAndSubjectsAreEscaped) {
  const std::string subject = "<!-- hide --> @alice [x](https://evil.example) <img src=x>";
  const std::string hostile = repo.commit_file("f.txt", "hostile", subject);
  std::vector<std::string> points = every_other();
  points.push_back(hostile);
  std::vector<HistorySeries> series;
  for (const auto& name : hostile_strings(20, 7))
    series.push_back(series_with_change(name, points, 8, 1.2));
  series.push_back(series_with_change("| cell <script>alert(1)</script> @bob", points, 8, 1.2));
  ASSERT_EQ(run(history_of(series)), 0);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  const std::string& body = issues[0].body;
  // The only HTML comments are our markers: one per suspect commit (the hostile one and commit 15).
  EXPECT_EQ(occurrences(body, "<!--"), 2u) << body;
  EXPECT_THAT(body, Not(HasSubstr("<script>")));
  EXPECT_THAT(body, Not(HasSubstr("<img")));
  EXPECT_THAT(body, Not(HasSubstr(" @alice")));
  EXPECT_THAT(body, Not(HasSubstr(" @bob")));
  EXPECT_THAT(body, Not(HasSubstr("](https://evil")));
  EXPECT_THAT(body, HasSubstr(report::escape_markdown(subject)));
}

TEST_F(AlertTest, TheTokenIsNeitherPrintedNorPublished) {
  const std::string token = github.options().token;
  // A subject that quotes the token (pasted by mistake) is redacted before it is sent.
  const std::string leaky = repo.commit_file("f.txt", "leak", "oops " + token);
  std::vector<std::string> points = every_other();
  points.push_back(leaky);
  LogCapture log;
  ::testing::internal::CaptureStderr();
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", points, 8, 1.25)})), 0);
  EXPECT_THAT(::testing::internal::GetCapturedStderr(), Not(HasSubstr(token)));
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_THAT(github.issues()[0].body, Not(HasSubstr(token)));
  EXPECT_THAT(github.issues()[0].body, HasSubstr("oops"));
  EXPECT_THAT(log.text(), Not(HasSubstr(token)));
}

TEST_F(AlertTest, AForgeThatFailsIsExitThreeWithoutTheToken) {
  FakeGithub::Options options;
  options.echo_authorization_in_errors = true;
  FakeGithub careless(options);
  careless.inject_fault(
      Fault::on("GET", "/issues", 401)
          .with_body(R"({"message":"Bad credentials for Bearer )" + options.token + R"("})"));
  auto env = github_env();
  env["GITHUB_API_URL"] = careless.api_base();
  LogCapture log;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)}), env), 3);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("benchgate: error:"));
  EXPECT_THAT(err, Not(HasSubstr(options.token)));
  EXPECT_THAT(log.text(), Not(HasSubstr(options.token)));
  EXPECT_TRUE(careless.issues().empty());
}

TEST_F(AlertTest, AChangeOlderThanTheWindowOpensNothing) {
  flags.window = 1;  // only the newest point; the change is at the 7th of 8
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  EXPECT_TRUE(github.issues().empty());
  EXPECT_EQ(github.request_count("POST", "/issues"), 0u);
  flags.window = 2;
  ASSERT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  EXPECT_EQ(github.issues().size(), 1u);
}

TEST_F(AlertTest, AnImprovementOpensNothingUnlessAsked) {
  // Faster (time ratio < 1) and more throughput (per_second ratio > 1) are both improvements.
  const History history =
      history_of({series_with_change("BM_parse", every_other(), 6, 0.8),
                  series_with_change("BM_rate", every_other(), 6, 1.3, "items_per_second")});
  ASSERT_EQ(run(history), 0);
  EXPECT_TRUE(github.issues().empty());
  flags.improvements = true;
  ASSERT_EQ(run(history), 0);
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_THAT(github.issues()[0].title, HasSubstr("improvement"));
}

TEST_F(AlertTest, ALessThroughputIsARegression) {
  ASSERT_EQ(
      run(history_of({series_with_change("BM_rate", every_other(), 6, 0.7, "items_per_second")})),
      0);
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_THAT(github.issues()[0].title, HasSubstr("regression"));
}

TEST_F(AlertTest, BadSettingsAreExitTwo) {
  const History history = history_of({series_with_change("BM_parse", every_other(), 6, 1.25)});
  ::testing::internal::CaptureStderr();
  auto env = github_env();
  env.erase("GITHUB_TOKEN");
  EXPECT_EQ(run(history, env), 2);
  env = github_env();
  env.erase("GITHUB_REPOSITORY");
  EXPECT_EQ(run(history, env), 2);
  flags.window = 0;
  EXPECT_EQ(run(history), 2);
  flags.window = 10;
  flags.forge = "auto";  // no CI variables: which forge is unknown
  EXPECT_EQ(run(history), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("$GITHUB_TOKEN is not set"));
  EXPECT_THAT(err, HasSubstr("$GITHUB_REPOSITORY is not set"));
  EXPECT_THAT(err, HasSubstr("--alert-window"));
  EXPECT_THAT(err, HasSubstr("--alert-forge"));
  EXPECT_TRUE(github.requests().empty());
}

TEST_F(AlertTest, WithoutAlertNothingHappens) {
  flags.alert = false;
  EXPECT_EQ(run(history_of({series_with_change("BM_parse", every_other(), 6, 1.25)})), 0);
  EXPECT_TRUE(github.requests().empty());
}

TEST_F(AlertTest, GitlabOpensThenUpdatesWithPut) {
  FakeGitlab gitlab;
  flags.forge = "gitlab";
  const std::map<std::string, std::string, std::less<>> env = {
      {"CI_API_V4_URL", gitlab.api_base()},
      {"CI_PROJECT_ID", gitlab.options().project_id},
      {"BENCHGATE_GITLAB_TOKEN", gitlab.options().token}};
  const History history = history_of({series_with_change("BM_parse", every_other(), 6, 1.25)});
  ASSERT_EQ(run(history, env), 0);
  ASSERT_EQ(run(history, env), 0);
  auto issues = gitlab.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_THAT(issues[0].description, HasSubstr("commit 11"));
  EXPECT_EQ(gitlab.request_count("PUT", "/issues/1"), 1u);
}

TEST(AlertOptions, TheFlagsParse) {
  CLI::App app;
  cli::AlertFlags flags;
  cli::add_alert_options(app, flags);
  app.parse(std::vector<std::string>{"BENCHGATE_ALERT_TEST_TOKEN", "--token-env", "gitlab",
                                     "--alert-forge", "--alert-improvements", "5", "--alert-window",
                                     "--alert"});
  EXPECT_TRUE(flags.alert);
  EXPECT_EQ(flags.window, 5u);
  EXPECT_TRUE(flags.improvements);
  EXPECT_EQ(flags.forge, "gitlab");
  EXPECT_EQ(flags.token_env, "BENCHGATE_ALERT_TEST_TOKEN");
  EXPECT_THROW(app.parse(std::vector<std::string>{"0", "--alert-window"}), CLI::ValidationError);
}

}  // namespace
}  // namespace benchgate::testing
