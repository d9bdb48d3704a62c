#include "forge/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace benchgate::forge {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::optional<std::int64_t> parse_integer(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
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

// The longest wait a header may ask for, as far as we represent it: the server's numbers can be
// anything, and seconds beyond this would overflow as milliseconds. The client refuses any wait
// longer than its budget (HttpOptions::max_total_wait), so a longer one changes nothing.
constexpr std::int64_t kLongestWaitSeconds = std::int64_t{366} * 24 * 3600;

milliseconds header_wait(std::int64_t wait_seconds) {
  return seconds(std::clamp<std::int64_t>(wait_seconds, 0, kLongestWaitSeconds));
}

std::optional<RetryPlan> retry_after(const HttpResponse& response) {
  auto value = parse_integer(response.header("retry-after"));
  if (!value || *value < 0) return std::nullopt;
  return RetryPlan{header_wait(*value), fmt::format("retry-after: {}", *value)};
}

// Seconds until `reset`, plus one: the reset instant is rounded down to a whole second by the
// server. At least 1; computed without overflow whatever the header says.
std::int64_t seconds_until_reset(std::int64_t reset, std::int64_t now) {
  if (reset < now) return 1;
  const std::uint64_t ahead = static_cast<std::uint64_t>(reset) - static_cast<std::uint64_t>(now);
  return static_cast<std::int64_t>(std::min<std::uint64_t>(ahead, kLongestWaitSeconds)) + 1;
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
        return RetryPlan{header_wait(seconds_until_reset(*reset, input.now_epoch_seconds)),
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
