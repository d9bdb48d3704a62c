// git/libgit2/remote_auth.h: the extra HTTP headers read from a real repository's git config, as
// actions/checkout writes them (unscoped `http.extraheader`) and as users scope them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <git2.h>

#include "git/libgit2/handles.h"
#include "git/libgit2/remote_auth.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class RemoteAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    git_libgit2_init();
    testing::init_repo(repo_);
  }
  void TearDown() override { git_libgit2_shutdown(); }
  std::vector<std::string> headers_for(const std::string& url) {
    git_repository* raw = nullptr;
    EXPECT_EQ(git_repository_open(&raw, repo_.c_str()), 0);
    RepoPtr repo(raw);
    return configured_http_headers(repo.get(), url);
  }
  testing::TempDir dir_{"benchgate-git-remote-auth"};
  std::filesystem::path repo_ = dir_ / "repo";
};

TEST_F(RemoteAuthTest, AnUnscopedExtraHeaderGoesToEveryUrl) {
  testing::git(repo_, {"config", "http.extraheader", "AUTHORIZATION: basic dG9rZW4="});
  EXPECT_THAT(headers_for("https://github.com/octo/widgets.git"),
              ElementsAre("AUTHORIZATION: basic dG9rZW4="));
  EXPECT_THAT(headers_for("http://127.0.0.1:8080/repo.git"),
              ElementsAre("AUTHORIZATION: basic dG9rZW4="));
}

TEST_F(RemoteAuthTest, AScopedExtraHeaderGoesOnlyToUrlsUnderItsPrefix) {
  testing::git(repo_, {"config", "http.https://github.com/.extraheader", "X-Scoped: 1"});
  EXPECT_THAT(headers_for("https://github.com/octo/widgets.git"), ElementsAre("X-Scoped: 1"));
  EXPECT_THAT(headers_for("https://gitlab.com/octo/widgets.git"), IsEmpty());
}

}  // namespace
}  // namespace benchgate::git
