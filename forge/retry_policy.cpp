#include "forge/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include <fmt/format.h>

namespace benchgate::forge {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// The headers are the server's (or a proxy's): a value too large for int64 saturates, since it
// still means "a long time", and every wait is clamped to kLongestHonouredWait before any
// arithmetic, so no header can overflow a duration. Negative or garbage values are not numbers.
std::optional<std::int64_t> parse_integer(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || end != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range)
    return text.front() == '-' ? std::numeric_limits<std::int64_t>::min()
                               : std::numeric_limits<std::int64_t>::max();
  if (ec != std::errc{}) return std::nullopt;
  return value;
}

seconds clamped_wait(std::int64_t wait_seconds) {
  return seconds(std::clamp<std::int64_t>(wait_seconds, 0, kLongestHonouredWait.count()));
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it != haystack.end();
}

// Exponential growth from `initial`, capped, then "equal jitter": a uniform draw from the upper
// half, so concurrent jobs spread out but never retry sooner than half the nominal delay.
milliseconds backoff(milliseconds initial, milliseconds cap, int attempt, std::mt19937_64& random) {
  milliseconds nominal = initial;
  for (int i = 1; i < attempt && nominal < cap; ++i) nominal *= 2;
  nominal = std::min(nominal, cap);
  std::uniform_int_distribution<std::int64_t> half(nominal.count() / 2, nominal.count());
  return milliseconds(half(random));
}

std::optional<RetryPlan> retry_after(const HttpResponse& response) {
  auto value = parse_integer(response.header("retry-after"));
  if (!value || *value < 0) return std::nullopt;
  return RetryPlan{clamped_wait(*value), fmt::format("retry-after: {}", *value)};
}

}  // namespace

bool is_rate_limited(const HttpResponse& response) {
  if (response.status == 429) return true;
  if (response.status != 403) return false;
  return !response.header("retry-after").empty() ||
         response.header("x-ratelimit-remaining") == "0" ||
         contains_ignoring_case(response.body, "rate limit");
}

std::optional<RetryPlan> plan_retry(const RetryInput& input, const RetryPolicy& policy,
                                    std::mt19937_64& random) {
  if (input.response == nullptr) {
    if (input.failure == TransportFailure::kNotSent || input.replay_safe)
      return RetryPlan{backoff(policy.initial_backoff, policy.max_backoff, input.attempt, random),
                       "network error"};
    return std::nullopt;
  }
  const HttpResponse& response = *input.response;
  if (is_rate_limited(response)) {
    if (auto plan = retry_after(response)) return plan;
    if (response.header("x-ratelimit-remaining") == "0") {
      if (auto reset = parse_integer(response.header("x-ratelimit-reset"))) {
        // +1 s: the reset instant is rounded down to a whole second by the server.
        // Clamped first: a reset far in the future (or past) must not overflow the subtraction.
        const std::int64_t now = input.now_epoch_seconds;
        const std::int64_t until =
            std::clamp<std::int64_t>(*reset, now, now + kLongestHonouredWait.count());
        return RetryPlan{clamped_wait(std::max<std::int64_t>(1, until - now + 1)),
                         fmt::format("rate limit exhausted until x-ratelimit-reset {}", *reset)};
      }
    }
    milliseconds wait = policy.secondary_limit_wait;
    for (int i = 1; i < input.attempt; ++i) wait *= 2;
    return RetryPlan{wait, "secondary rate limit"};
  }
  bool server_error = response.status == 500 || response.status == 502 || response.status == 503 ||
                      response.status == 504;
  if (server_error && input.replay_safe) {
    if (auto plan = retry_after(response)) return plan;
    return RetryPlan{backoff(policy.initial_backoff, policy.max_backoff, input.attempt, random),
                     fmt::format("HTTP {}", response.status)};
  }
  return std::nullopt;
}

}  // namespace benchgate::forge
