// forge::HttpClient against the fake GitHub server: retries, limits, time-outs and TLS.
#include "forge/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/forge/capture.h"
#include "tests/forge/fake_github.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

forge::HttpClient client_for(const FakeGithub& github, forge::HttpOptions options) {
  return forge::HttpClient(
      forge::parse_base_url(github.api_base(), "test"),
      forge::AuthHeader{"Authorization", "Bearer ", forge::Secret(github.options().token)},
      {{"Accept", "application/vnd.github+json"}}, std::move(options));
}

std::string http_error(const std::function<void()>& f, int* status = nullptr) {
  try {
    f();
  } catch (const forge::HttpError& e) {
    if (status) *status = e.status();
    return e.what();
  }
  return "(no HttpError)";
}

TEST(HttpClient, DeeplyNestedErrorBodiesAreDescribedWithoutRecursingIntoThem) {
  // 100k nested arrays as the message: dumped recursively, this exhausted the stack.
  const std::string nested = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string deep =
      forge::describe_status(forge::HttpResponse{422, {}, R"({"message":)" + nested + "}"});
  EXPECT_THAT(deep, HasSubstr("HTTP 422: "));
  EXPECT_LE(deep.size(), 320u);
  const std::string errors = forge::describe_status(
      forge::HttpResponse{422, {}, R"({"message":"Validation Failed","errors":)" + nested + "}"});
  EXPECT_THAT(errors, HasSubstr("HTTP 422: "));
}

TEST(HttpClient, RetryAfterTwoSecondsIsReallyWaitedOut) {
  FakeGithub github;
  github.inject_fault(Fault::on("GET", "/user", 429)
                          .header("retry-after", "2")
                          .with_body(R"({"message":"You have exceeded a secondary rate limit"})"));
  Capture capture;
  auto client = client_for(github, capture.options(/*really_sleep=*/true));
  auto started = std::chrono::steady_clock::now();
  forge::HttpResponse response = client.send("GET", "/user");
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(response.status, 200);
  EXPECT_GE(waited, seconds(2));
  EXPECT_LT(waited, seconds(5));
  EXPECT_EQ(github.request_count("GET", "/user"), 2u);
  EXPECT_THAT(capture.all_lines(), HasSubstr("retry-after: 2"));
}

TEST(HttpClient, ServerErrorsAreRetriedWithGrowingBackoffThenSucceed) {
  FakeGithub github;
  github.inject_fault(Fault::on("GET", "/user", 502).repeat(2));
  Capture capture;
  auto client = client_for(github, capture.options());
  EXPECT_EQ(client.send("GET", "/user").status, 200);
  EXPECT_EQ(github.request_count("GET", "/user"), 3u);
  ASSERT_EQ(capture.sleeps.size(), 2u);
  forge::RetryPolicy policy;
  EXPECT_GE(capture.sleeps[0], policy.initial_backoff / 2);
  EXPECT_LE(capture.sleeps[0], policy.initial_backoff);
  EXPECT_GE(capture.sleeps[1], policy.initial_backoff);  // doubled, then jittered in [d/2, d]
  EXPECT_LE(capture.sleeps[1], policy.initial_backoff * 2);
}

TEST(HttpClient, PostIsNotRepeatedAfterAServerError) {
  FakeGithub github;
  github.inject_fault(Fault::on("POST", "/comments", 500));
  Capture capture;
  auto client = client_for(github, capture.options());
  auto response = client.send("POST", "/repos/octo/widgets/issues/1/comments", R"({"body":"x"})");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(github.request_count("POST", "/comments"), 1u);
  EXPECT_TRUE(capture.sleeps.empty());
}

TEST(HttpClient, ExhaustedRateLimitWaitsUntilTheReset) {
  FakeGithub github;
  auto reset =
      std::chrono::duration_cast<seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count() +
      3;
  github.inject_fault(Fault::on("GET", "/user", 403)
                          .header("x-ratelimit-remaining", "0")
                          .header("x-ratelimit-reset", std::to_string(reset))
                          .with_body(R"({"message":"API rate limit exceeded"})"));
  Capture capture;
  auto client = client_for(github, capture.options());
  EXPECT_EQ(client.send("GET", "/user").status, 200);
  ASSERT_EQ(capture.sleeps.size(), 1u);
  EXPECT_GE(capture.sleeps[0], seconds(3));
  EXPECT_LE(capture.sleeps[0], seconds(5));
}

TEST(HttpClient, AWaitBeyondTheBudgetFailsAtOnceAndSaysWhy) {
  FakeGithub github;
  github.inject_fault(Fault::on("GET", "/user", 429).header("retry-after", "3600"));
  Capture capture;
  auto client = client_for(github, capture.options());
  int status = 0;
  std::string message = http_error([&] { client.send("GET", "/user"); }, &status);
  EXPECT_EQ(status, 429);
  EXPECT_THAT(message,
              AllOf(HasSubstr("gave up"), HasSubstr("retry-after: 3600"), HasSubstr("budget")));
  EXPECT_TRUE(capture.sleeps.empty());
  EXPECT_EQ(github.request_count("GET", "/user"), 1u);
}

TEST(HttpClient, AttemptsAreCapped) {
  FakeGithub github;
  github.inject_fault(Fault::on("GET", "/user", 503).repeat(100));
  Capture capture;
  auto options = capture.options();
  options.max_attempts = 3;
  auto client = client_for(github, options);
  int status = 0;
  EXPECT_THAT(http_error([&] { client.send("GET", "/user"); }, &status),
              HasSubstr("gave up after 3 attempts"));
  EXPECT_EQ(status, 503);
  EXPECT_EQ(github.request_count("GET", "/user"), 3u);
}

TEST(HttpClient, OversizedResponsesAreRefusedWithOrWithoutContentLength) {
  for (bool chunked : {false, true}) {
    FakeGithub github;
    github.set_user_response_size(200 * 1024, chunked);
    Capture capture;
    auto options = capture.options();
    options.max_response_body = 64 * 1024;
    auto client = client_for(github, options);
    EXPECT_THAT(http_error([&] { client.send("GET", "/user"); }),
                HasSubstr("larger than the limit of 65536 bytes"))
        << "chunked=" << chunked;
    EXPECT_EQ(github.request_count("GET", "/user"), 1u) << "a refused response is not retried";
    github.set_user_response_size(32 * 1024, chunked);
    EXPECT_EQ(client.send("GET", "/user").body.size() > 32 * 1024, true);
  }
}

TEST(HttpClient, OversizedRequestBodyIsNeverSent) {
  FakeGithub github;
  Capture capture;
  auto client = client_for(github, capture.options());
  std::string body = R"({"body":")" + std::string(forge::kMiB, 'x') + R"("})";
  EXPECT_THAT(
      http_error([&] { client.send("POST", "/repos/octo/widgets/issues/1/comments", body); }),
      HasSubstr("exceeds the limit"));
  EXPECT_TRUE(github.requests().empty());
}

TEST(HttpClient, ASilentServerTimesOutAndTheGetIsRetried) {
  FakeGithub github;
  github.inject_fault(Fault::on("GET", "/user", 200).after(milliseconds(400)));
  Capture capture;
  auto options = capture.options();
  options.read_timeout = milliseconds(100);
  auto client = client_for(github, options);
  EXPECT_EQ(client.send("GET", "/user").status, 200);
  EXPECT_EQ(capture.sleeps.size(), 1u);
  EXPECT_THAT(capture.all_lines(), HasSubstr("network error"));
}

TEST(HttpClient, NoServerIsAConnectionErrorAfterRetries) {
  int port;
  {
    FakeGithub gone;
    port = gone.port();
  }
  Capture capture;
  auto options = capture.options();
  options.max_attempts = 2;
  forge::HttpClient client(forge::parse_base_url("http://127.0.0.1:" + std::to_string(port), "t"),
                           std::nullopt, {}, options);
  EXPECT_THAT(http_error([&] { client.send("GET", "/user"); }), HasSubstr("cannot connect"));
  EXPECT_EQ(capture.sleeps.size(), 1u);
}

TEST(HttpClient, RedirectsAreNotFollowed) {
  FakeGithub github;
  github.inject_fault(
      Fault::on("GET", "/user", 301).header("Location", "http://127.0.0.1:1/steal"));
  Capture capture;
  auto client = client_for(github, capture.options());
  int status = 0;
  EXPECT_THAT(http_error([&] { client.send_ok("reading user", "GET", "/user"); }, &status),
              HasSubstr("HTTP 301"));
  EXPECT_EQ(status, 301);
}

TEST(HttpClient, SelfSignedCertificateIsRefusedUnlessItsCaFileIsGiven) {
  TempDir dir;
  TlsFiles tls = make_self_signed_cert(dir.path());
  FakeGithub::Options server_options;
  server_options.tls = tls;
  FakeGithub github(server_options);
  ASSERT_EQ(github.api_base().rfind("https://", 0), 0u);
  Capture capture;
  auto refused = client_for(github, capture.options());
  std::string message = http_error([&] { refused.send("GET", "/user"); });
  EXPECT_THAT(message, AllOf(HasSubstr("could not be verified"), HasSubstr("--ca-file")));
  EXPECT_TRUE(github.requests().empty()) << "no HTTP request may reach an unverified server";
  EXPECT_TRUE(capture.sleeps.empty()) << "a certificate failure is not retried";

  auto options = capture.options();
  options.ca_file = tls.cert;
  auto trusted = client_for(github, options);
  EXPECT_EQ(trusted.send("GET", "/user").status, 200);
}

}  // namespace
}  // namespace benchgate::testing
