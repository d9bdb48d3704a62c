#include "forge/url.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace benchgate::forge {
namespace {

TEST(ParseBaseUrl, GithubDotComHasDefaultPortAndNoPrefix) {
  BaseUrl base = parse_base_url("https://api.github.com", "GITHUB_API_URL");
  EXPECT_EQ(base.scheme, "https");
  EXPECT_EQ(base.host, "api.github.com");
  EXPECT_EQ(base.port, 443);
  EXPECT_EQ(base.path_prefix, "");
  EXPECT_EQ(base.origin(), "https://api.github.com:443");
}

TEST(ParseBaseUrl, EnterpriseAndGitlabPrefixesKeepTheirPathWithoutTrailingSlash) {
  EXPECT_EQ(parse_base_url("https://ghe.example.com/api/v3/", "x").path_prefix, "/api/v3");
  BaseUrl gitlab = parse_base_url("http://127.0.0.1:8080/api/v4", "CI_API_V4_URL");
  EXPECT_EQ(gitlab.port, 8080);
  EXPECT_EQ(gitlab.path_prefix, "/api/v4");
}

TEST(ParseBaseUrl, RefusesCredentialsWithoutEchoingThem) {
  try {
    parse_base_url("https://x-access-token:ghp_SuperSecret123456@api.github.com", "GITHUB_API_URL");
    FAIL() << "accepted credentials in the URL";
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("GITHUB_API_URL"), std::string::npos) << message;
    EXPECT_EQ(message.find("ghp_SuperSecret123456"), std::string::npos) << message;
  }
}

TEST(ParseBaseUrl, RefusesOtherSchemesBadPortsAndQueries) {
  EXPECT_THROW(parse_base_url("ftp://host", "x"), InputError);
  EXPECT_THROW(parse_base_url("api.github.com", "x"), InputError);
  EXPECT_THROW(parse_base_url("https://host:99999", "x"), InputError);
  EXPECT_THROW(parse_base_url("https://host:12ab", "x"), InputError);
  EXPECT_THROW(parse_base_url("https://host/api?x=1", "x"), InputError);
  EXPECT_THROW(parse_base_url("https:///api", "x"), InputError);
}

TEST(PercentEncode, EncodesEverythingButUnreserved) {
  EXPECT_EQ(percent_encode("group/sub project"), "group%2Fsub%20project");
  EXPECT_EQ(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
}

TEST(SameOriginTarget, FollowsLinksOnTheSameOriginOnly) {
  BaseUrl base = parse_base_url("https://ghe.example.com/api/v3", "x");
  EXPECT_EQ(same_origin_target(
                base, "https://ghe.example.com/api/v3/repositories/1/issues/2/comments?page=2"),
            "/api/v3/repositories/1/issues/2/comments?page=2");
  EXPECT_THROW(same_origin_target(base, "https://evil.example.com/api/v3/x?page=2"),
               EnvironmentError);
  EXPECT_THROW(same_origin_target(base, "http://ghe.example.com/api/v3/x?page=2"),
               EnvironmentError);
  EXPECT_THROW(same_origin_target(base, "https://ghe.example.com:444/api/v3/x"), EnvironmentError);
  EXPECT_THROW(same_origin_target(base, "https://ghe.example.com/other/x"), EnvironmentError);
}

}  // namespace
}  // namespace benchgate::forge
