// The fakes must be strict, or the client tests prove nothing: these requests are sent with a raw
// cpp-httplib client, bypassing forge::HttpClient, and must be refused as GitHub/GitLab would.
#include <gtest/gtest.h>

#include "tests/forge/fake_github.h"
#include "tests/forge/fake_gitlab.h"

namespace benchgate::testing {
namespace {

class RawGithub : public ::testing::Test {
 protected:
  FakeGithub github;
  httplib::Client client{github.origin()};

  httplib::Headers good_headers() const {
    return {{"Authorization", "Bearer " + github.options().token},
            {"Accept", "application/vnd.github+json"},
            {"User-Agent", "raw-test"}};
  }
};

TEST_F(RawGithub, AcceptsAWellFormedComment) {
  auto res = client.Post("/repos/octo/widgets/issues/3/comments", good_headers(),
                         R"({"body":"hi"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(github.comments(3).size(), 1u);
}

TEST_F(RawGithub, WrongMethodIs405UnknownPathIs404) {
  auto res = client.Delete("/repos/octo/widgets/issues/3/comments", good_headers());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(client.Put("/user", good_headers(), "{}", "application/json")->status, 405);
  EXPECT_EQ(client.Get("/repos/octo/other/pulls/1", good_headers())->status, 404);
}

TEST_F(RawGithub, MissingOrWrongAuthIs401) {
  httplib::Headers headers = {{"Accept", "application/vnd.github+json"},
                              {"User-Agent", "raw-test"}};
  EXPECT_EQ(client.Get("/user", headers)->status, 401);
  headers.emplace("Authorization", "Bearer wrong");
  EXPECT_EQ(client.Get("/user", headers)->status, 401);
}

TEST_F(RawGithub, MissingUserAgentOrAcceptIsRefused) {
  auto headers = good_headers();
  headers.erase("User-Agent");
  headers.emplace("User-Agent", "");  // httplib would otherwise add its own
  EXPECT_EQ(client.Get("/user", headers)->status, 403);
  headers = good_headers();
  headers.erase("Accept");
  headers.emplace("Accept", "text/html");
  EXPECT_EQ(client.Get("/user", headers)->status, 415);
}

TEST_F(RawGithub, BadJsonIs400MissingBodyIs422OversizeIs413) {
  const std::string path = "/repos/octo/widgets/issues/3/comments";
  EXPECT_EQ(client.Post(path, good_headers(), "{not json", "application/json")->status, 400);
  EXPECT_EQ(client.Post(path, good_headers(), R"({"text":"x"})", "application/json")->status, 422);
  EXPECT_EQ(client.Post(path, good_headers(), R"({"body":42})", "application/json")->status, 422);
  std::string huge = R"({"body":")" + std::string(1 << 20, 'x') + R"("})";
  auto res = client.Post(path, good_headers(), huge, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(github.comments(3).empty());
}

TEST_F(RawGithub, PaginatesLikeGithub) {
  for (int i = 0; i < 45; ++i) github.add_comment(5, "someone", "c" + std::to_string(i));
  auto first = client.Get("/repos/octo/widgets/issues/5/comments", good_headers());
  EXPECT_EQ(nlohmann::json::parse(first->body).size(), 30u);  // default per_page
  std::string link = first->get_header_value("Link");
  EXPECT_NE(link.find(github.origin() +
                      "/repositories/4242/issues/5/comments?per_page=30&page=2>; rel=\"next\""),
            std::string::npos)
      << link;
  auto clamped = client.Get("/repos/octo/widgets/issues/5/comments?per_page=500", good_headers());
  EXPECT_EQ(nlohmann::json::parse(clamped->body).size(), 45u);
  EXPECT_EQ(clamped->get_header_value("Link"), "");
}

TEST(RawGitlab, RefusesMalformedRequests) {
  FakeGitlab gitlab;
  httplib::Client client(gitlab.origin());
  httplib::Headers auth = {{"PRIVATE-TOKEN", gitlab.options().token}};
  const std::string notes = "/api/v4/projects/42/merge_requests/3/notes";
  EXPECT_EQ(client.Post(notes, auth, R"({"body":"ok"})", "application/json")->status, 201);
  EXPECT_EQ(client.Post(notes, R"({"body":"ok"})", "application/json")->status, 401);
  EXPECT_EQ(
      client.Post(notes, {{"JOB-TOKEN", "x"}}, R"({"body":"ok"})", "application/json")->status,
      403);
  EXPECT_EQ(client.Post(notes, auth, "nope", "application/json")->status, 400);
  EXPECT_EQ(client.Post(notes, auth, R"({"note":"x"})", "application/json")->status, 400);
  EXPECT_EQ(client.Delete(notes, auth)->status, 405);
  // The project path must be URL-encoded: a raw slash is another path altogether.
  EXPECT_EQ(
      client.Get("/api/v4/projects/group%2Fsub%2Fwidgets/merge_requests/3/notes", auth)->status,
      200);
  EXPECT_EQ(client.Get("/api/v4/projects/group/sub/widgets/merge_requests/3/notes", auth)->status,
            404);
  EXPECT_EQ(gitlab.notes(3).size(), 1u);
}

}  // namespace
}  // namespace benchgate::testing
