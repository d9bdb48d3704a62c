#pragma once
// When to try a request again, and after how long. A pure function of what happened, so the rules
// (GitHub's rate-limit guidance, back-off for 5xx and network errors) are tested without a server.
//
// GitHub's documented rules, which GitLab's 429 + retry-after also fits:
//  - 429, or 403 that is a rate limit: honour `retry-after` (seconds); else if
//    `x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset` (epoch seconds); else (a secondary
//    limit without headers) wait at least a minute, growing exponentially.
//  - 5xx and network errors: exponential back-off with jitter, capped.
// A rate-limited request was not processed, so it is always safe to repeat. A 5xx or a broken
// connection after sending may have been processed: those are repeated only when the request is
// replay-safe (idempotent, or declared harmless to repeat by the caller).
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "forge/http_response.h"

namespace benchgate::forge {

enum class TransportFailure {
  kNone,            // a response arrived
  kNotSent,         // could not connect: nothing reached the server
  kDuringTransfer,  // read/write error or time-out after the request may have been sent
};

struct RetryInput {
  const HttpResponse* response = nullptr;  // null when there is no response
  TransportFailure failure = TransportFailure::kNone;
  bool replay_safe = false;
  int attempt = 1;                     // attempts made so far (1 after the first failure)
  std::int64_t now_epoch_seconds = 0;  // for x-ratelimit-reset
};

// The longest wait any header can ask for; longer (or unrepresentable) values are clamped to it.
// It is far above any HttpOptions::max_total_wait, so such a request is given up, not slept on.
inline constexpr std::chrono::seconds kLongestHonouredWait{24 * 3600};

struct RetryPolicy {
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  // GitHub: "wait for at least one minute" on a secondary limit that gives no header.
  std::chrono::milliseconds secondary_limit_wait{60'000};
};

struct RetryPlan {
  std::chrono::milliseconds delay{0};
  std::string reason;  // e.g. "retry-after: 2", "HTTP 502", "network error"
};

// True when `response` is a rate-limit refusal (429, or a 403 that says so).
bool is_rate_limited(const HttpResponse& response);

std::optional<RetryPlan> plan_retry(const RetryInput& input, const RetryPolicy& policy,
                                    std::mt19937_64& random);

}  // namespace benchgate::forge
