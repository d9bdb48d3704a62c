// The alert issue (GithubClient / GitlabClient::upsert_issue) end to end against the fake
// servers: found again by any of its markers and by being ours, through every page, a closed one
// left alone, and an issue by someone else quoting the marker never touched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forge/github.h"
#include "forge/gitlab.h"
#include "tests/forge/capture.h"
#include "tests/forge/fake_github.h"
#include "tests/forge/fake_gitlab.h"

namespace benchgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kMarkers = {forge::sticky_marker("alert:" + std::string(40, 'a')),
                                           forge::sticky_marker("alert:" + std::string(40, 'b'))};

forge::GithubClient github_client(const FakeGithub& github, Capture& capture) {
  return forge::GithubClient(github.api_base(), forge::Secret(github.options().token),
                             github.options().repo, capture.options());
}

forge::GitlabClient gitlab_client(const FakeGitlab& gitlab, Capture& capture) {
  return forge::GitlabClient(gitlab.api_base(), forge::Secret(gitlab.options().token),
                             gitlab.options().project_id, capture.options());
}

TEST(GithubIssue, FirstRunOpensOneIssueAndTheNextUpdatesIt) {
  FakeGithub github;
  Capture capture;
  auto client = github_client(github, capture);
  forge::UpsertResult opened = client.upsert_issue(kMarkers, "Regression", "first text");
  EXPECT_TRUE(opened.created);
  forge::UpsertResult updated = client.upsert_issue(kMarkers, "Regression, 2", "second text");
  EXPECT_FALSE(updated.created);
  EXPECT_EQ(updated.id, opened.id);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].number, opened.id);
  EXPECT_EQ(issues[0].title, "Regression, 2");
  EXPECT_EQ(issues[0].body.rfind(kMarkers[0] + "\n" + kMarkers[1] + "\n", 0), 0u) << issues[0].body;
  EXPECT_THAT(issues[0].body, HasSubstr("second text"));
  EXPECT_EQ(github.request_count("PATCH", "/issues/"), 1u);
  EXPECT_THAT(opened.url, HasSubstr("/issues/"));
}

TEST(GithubIssue, AnyOneOfTheMarkersFindsTheIssue) {
  FakeGithub github;
  Capture capture;
  auto client = github_client(github, capture);
  client.upsert_issue(kMarkers, "Regression", "wide range");
  // A later run narrowed the range to the second commit alone.
  const std::vector<std::string> narrowed = {kMarkers[1]};
  forge::UpsertResult result = client.upsert_issue(narrowed, "Regression", "narrow range");
  EXPECT_FALSE(result.created);
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_THAT(github.issues()[0].body, HasSubstr("narrow range"));
}

TEST(GithubIssue, OurIssueOnPageTwoIsFoundThroughTheLinkHeader) {
  FakeGithub github;
  const long long ours = github.add_issue("benchgate-bot", "old alert", kMarkers[1] + "\nold");
  for (int i = 0; i < 130; ++i) github.add_issue("benchgate-bot", "other", "no marker here");
  Capture capture;
  auto client = github_client(github, capture);
  forge::UpsertResult result = client.upsert_issue(kMarkers, "Regression", "found");
  EXPECT_FALSE(result.created);
  EXPECT_EQ(result.id, ours);
  EXPECT_EQ(github.request_count("GET", "/issues"), 2u);
  EXPECT_EQ(github.issues().size(), 131u);
}

TEST(GithubIssue, AnIssueQuotingOurMarkerByAnotherAuthorIsNeverUpdated) {
  FakeGithub github;
  const long long spoof = github.add_issue("mallory", "spoof", kMarkers[0] + "\nplease edit me");
  Capture capture;
  auto client = github_client(github, capture);
  forge::UpsertResult result = client.upsert_issue(kMarkers, "Regression", "ours");
  EXPECT_TRUE(result.created);
  EXPECT_NE(result.id, spoof);
  auto issues = github.issues();
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].body, kMarkers[0] + "\nplease edit me");
  EXPECT_EQ(github.request_count("PATCH", "/issues/"), 0u);
}

TEST(GithubIssue, AClosedIssueIsLeftClosedAndUntouched) {
  FakeGithub github;
  const long long closed =
      github.add_issue("benchgate-bot", "accepted", kMarkers[0] + "\nwe accept this", "closed");
  Capture capture;
  auto client = github_client(github, capture);
  forge::UpsertResult result = client.upsert_issue(kMarkers, "Regression", "again");
  EXPECT_TRUE(result.left_closed);
  EXPECT_FALSE(result.created);
  EXPECT_EQ(result.id, closed);
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_EQ(github.issues()[0].body, kMarkers[0] + "\nwe accept this");
  EXPECT_EQ(github.request_count("PATCH", "/issues/"), 0u);
}

TEST(GithubIssue, InstallationTokenListsTheBotsIssues) {
  FakeGithub::Options options;
  options.installation_token = true;
  FakeGithub github(options);
  Capture capture;
  auto client = github_client(github, capture);
  client.upsert_issue(kMarkers, "Regression", "one");
  client.upsert_issue(kMarkers, "Regression", "two");
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_EQ(github.issues()[0].author, "github-actions[bot]");
  EXPECT_THAT(github.requests()[1].target, HasSubstr("creator=github-actions%5Bbot%5D"));
}

TEST(GithubIssue, BadMarkersAndAnEmptyTitleAreInputErrors) {
  FakeGithub github;
  Capture capture;
  auto client = github_client(github, capture);
  const std::vector<std::string> none;
  EXPECT_THROW(client.upsert_issue(none, "t", "b"), InputError);
  const std::vector<std::string> bad = {"<!-- benchgate:x --> <b>"};
  EXPECT_THROW(client.upsert_issue(bad, "t", "b"), InputError);
  EXPECT_THROW(client.upsert_issue(kMarkers, "", "b"), InputError);
  EXPECT_TRUE(github.requests().empty());
}

TEST(GitlabIssue, FirstRunOpensOneIssueAndTheNextUpdatesItWithPut) {
  FakeGitlab gitlab;
  Capture capture;
  auto client = gitlab_client(gitlab, capture);
  forge::UpsertResult opened = client.upsert_issue(kMarkers, "Regression", "first");
  EXPECT_TRUE(opened.created);
  forge::UpsertResult updated = client.upsert_issue(kMarkers, "Regression", "second");
  EXPECT_FALSE(updated.created);
  EXPECT_EQ(updated.id, opened.id);
  auto issues = gitlab.issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].iid, opened.id);
  EXPECT_EQ(issues[0].description.rfind(kMarkers[0] + "\n", 0), 0u);
  EXPECT_THAT(issues[0].description, HasSubstr("second"));
  EXPECT_EQ(gitlab.request_count("PUT", "/issues/"), 1u);
  EXPECT_THAT(updated.url, HasSubstr("/-/issues/"));
}

TEST(GitlabIssue, OurIssueOnPageTwoIsFoundThroughXNextPage) {
  FakeGitlab gitlab;
  const long long ours = gitlab.add_issue("project_42_bot", "old", kMarkers[0] + "\nold");
  for (int i = 0; i < 120; ++i) gitlab.add_issue("project_42_bot", "other", "nothing");
  Capture capture;
  auto client = gitlab_client(gitlab, capture);
  forge::UpsertResult result = client.upsert_issue(kMarkers, "Regression", "found");
  EXPECT_EQ(result.id, ours);
  EXPECT_FALSE(result.created);
  EXPECT_EQ(gitlab.request_count("GET", "/issues"), 2u);
  EXPECT_EQ(gitlab.issues().size(), 121u);
}

TEST(GitlabIssue, SpoofedMarkerIsIgnoredAndAClosedIssueLeftAlone) {
  FakeGitlab gitlab;
  gitlab.add_issue("mallory", "spoof", kMarkers[1] + "\nedit me");
  Capture capture;
  auto client = gitlab_client(gitlab, capture);
  forge::UpsertResult opened = client.upsert_issue(kMarkers, "Regression", "ours");
  EXPECT_TRUE(opened.created);
  EXPECT_EQ(gitlab.issues()[0].description, kMarkers[1] + "\nedit me");

  FakeGitlab closed_one;
  closed_one.add_issue("project_42_bot", "fixed", kMarkers[0] + "\nfixed", "closed");
  auto other = gitlab_client(closed_one, capture);
  forge::UpsertResult left = other.upsert_issue(kMarkers, "Regression", "again");
  EXPECT_TRUE(left.left_closed);
  ASSERT_EQ(closed_one.issues().size(), 1u);
  EXPECT_EQ(closed_one.issues()[0].description, kMarkers[0] + "\nfixed");
  EXPECT_EQ(closed_one.request_count("PUT", "/issues/"), 0u);
}

TEST(ForgeIssueSecrecy, TheTokenInTheBodyOrTitleIsRedacted) {
  FakeGithub github;
  Capture capture;
  auto client = github_client(github, capture);
  const std::string token = github.options().token;
  client.upsert_issue(kMarkers, "title " + token, "body " + token);
  ASSERT_EQ(github.issues().size(), 1u);
  EXPECT_THAT(github.issues()[0].body, Not(HasSubstr(token)));
  EXPECT_THAT(github.issues()[0].title, Not(HasSubstr(token)));
  EXPECT_THAT(capture.all_lines(), Not(HasSubstr(token)));
}

}  // namespace
}  // namespace benchgate::testing
