// The commit pages the history dashboard links to, from what GitHub Actions and GitLab CI say.
#include "forge/commit_links.h"

#include <gtest/gtest.h>

namespace benchgate::forge {
namespace {

TEST(CommitLinks, GithubActionsNamesTheServerAndTheRepository) {
  EXPECT_EQ(commit_url_prefix(map_environment({{"GITHUB_ACTIONS", "true"},
                                               {"GITHUB_REPOSITORY", "o/r"},
                                               {"GITHUB_SERVER_URL", "https://ghe.example/"}})),
            "https://ghe.example/o/r/commit/");
  EXPECT_EQ(commit_url_prefix(
                map_environment({{"GITHUB_ACTIONS", "true"}, {"GITHUB_REPOSITORY", "o/r"}})),
            "https://github.com/o/r/commit/");
}

TEST(CommitLinks, GitlabCiNamesTheProjectUrl) {
  EXPECT_EQ(commit_url_prefix(map_environment(
                {{"GITLAB_CI", "true"}, {"CI_PROJECT_URL", "https://gitlab.example/g/p"}})),
            "https://gitlab.example/g/p/-/commit/");
}

TEST(CommitLinks, NothingOutsideCiOrWithoutAWebUrl) {
  EXPECT_EQ(commit_url_prefix(map_environment({{"GITHUB_REPOSITORY", "o/r"}})), "");
  EXPECT_EQ(commit_url_prefix(map_environment(
                {{"GITLAB_CI", "true"}, {"CI_PROJECT_URL", "javascript:alert(1)//"}})),
            "");
  EXPECT_EQ(commit_url_prefix(map_environment({{"GITHUB_ACTIONS", "true"},
                                               {"GITHUB_REPOSITORY", "o/r"},
                                               {"GITHUB_SERVER_URL", "file:///etc"}})),
            "");
}

}  // namespace
}  // namespace benchgate::forge
