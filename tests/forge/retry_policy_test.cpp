#include "forge/retry_policy.h"

#include <gtest/gtest.h>

namespace benchgate::forge {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

HttpResponse response(int status, std::map<std::string, std::string> headers = {},
                      std::string body = "") {
  return HttpResponse{status, std::move(headers), std::move(body)};
}

std::optional<RetryPlan> plan(const HttpResponse* r, bool replay_safe, int attempt = 1,
                              TransportFailure failure = TransportFailure::kNone) {
  static std::mt19937_64 random(1);
  RetryInput input{r, failure, replay_safe, attempt, /*now=*/1'000'000};
  return plan_retry(input, RetryPolicy{}, random);
}

TEST(RetryPolicy, RetryAfterIsHonouredExactlyOn429AndSecondary403) {
  auto r429 = response(429, {{"retry-after", "2"}});
  ASSERT_TRUE(plan(&r429, false));
  EXPECT_EQ(plan(&r429, false)->delay, seconds(2));
  auto r403 = response(403, {{"retry-after", "7"}},
                       R"({"message":"You have exceeded a secondary rate limit"})");
  EXPECT_EQ(plan(&r403, false)->delay, seconds(7));
}

TEST(RetryPolicy, ExhaustedPrimaryLimitWaitsUntilReset) {
  auto r = response(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1000030"}});
  EXPECT_EQ(plan(&r, false)->delay, seconds(31));  // reset - now + 1
}

// The headers come from the server: a wait too long for any int64 count of milliseconds is still
// a long positive wait (which the client then refuses to sit out), never a wrapped one.
TEST(RetryPolicy, HugeOrNegativeHeaderValuesGiveALongWaitOrAShortOneNeverAWrappedOne) {
  auto huge_retry_after = response(429, {{"retry-after", "9223372036854775807"}});
  EXPECT_GE(plan(&huge_retry_after, false)->delay, std::chrono::hours(24));
  auto huge_reset =
      response(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "9223372036854775807"}});
  EXPECT_GE(plan(&huge_reset, false)->delay, std::chrono::hours(24));
  // Long past: wait the minimum second, as for any reset already reached.
  auto past_reset = response(
      403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "-9223372036854775808"}});
  EXPECT_EQ(plan(&past_reset, false)->delay, seconds(1));
}

TEST(RetryPolicy, SecondaryLimitWithoutHeadersWaitsAMinuteThenDoubles) {
  auto r = response(403, {}, R"({"message":"You have exceeded a secondary rate limit."})");
  EXPECT_EQ(plan(&r, false, 1)->delay, seconds(60));
  EXPECT_EQ(plan(&r, false, 2)->delay, seconds(120));
}

TEST(RetryPolicy, PlainForbiddenAndClientErrorsAreNotRetried) {
  auto forbidden = response(403, {}, R"({"message":"Resource not accessible by integration"})");
  EXPECT_FALSE(plan(&forbidden, true));
  auto missing = response(404);
  EXPECT_FALSE(plan(&missing, true));
  auto invalid = response(422);
  EXPECT_FALSE(plan(&invalid, true));
}

TEST(RetryPolicy, ServerErrorsBackOffExponentiallyWithJitterUpToTheCap) {
  auto r = response(502);
  RetryPolicy policy;
  for (int attempt = 1; attempt <= 10; ++attempt) {
    auto p = plan(&r, true, attempt);
    ASSERT_TRUE(p);
    milliseconds nominal =
        std::min<milliseconds>(policy.initial_backoff * (1LL << (attempt - 1)), policy.max_backoff);
    EXPECT_GE(p->delay, nominal / 2) << attempt;
    EXPECT_LE(p->delay, nominal) << attempt;
  }
}

TEST(RetryPolicy, UnsafeRequestsAreNotRepeatedAfterAServerErrorOrBrokenTransfer) {
  auto r = response(500);
  EXPECT_FALSE(plan(&r, /*replay_safe=*/false));
  EXPECT_FALSE(plan(nullptr, false, 1, TransportFailure::kDuringTransfer));
  // Nothing was sent: always safe to try again.
  EXPECT_TRUE(plan(nullptr, false, 1, TransportFailure::kNotSent));
}

}  // namespace
}  // namespace benchgate::forge
