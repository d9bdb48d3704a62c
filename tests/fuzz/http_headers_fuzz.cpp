// Response headers the forge clients act on: GitHub's Link header (forge/link_header.h) and the
// retry headers (forge/retry_policy.h: retry-after, x-ratelimit-*), whose values the server
// chooses. Nothing may throw, and a retry is never planned with a negative delay.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>

#include "forge/http_client.h"
#include "forge/http_response.h"
#include "forge/link_header.h"
#include "forge/retry_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::forge;
  FuzzedDataProvider input(data, size);
  HttpResponse response;
  response.status = input.ConsumeIntegralInRange<int>(100, 599);
  response.headers["retry-after"] = input.ConsumeRandomLengthString(64);
  response.headers["x-ratelimit-remaining"] = input.ConsumeRandomLengthString(32);
  response.headers["x-ratelimit-reset"] = input.ConsumeRandomLengthString(32);
  RetryInput retry;
  retry.failure = input.PickValueInArray(
      {TransportFailure::kNone, TransportFailure::kNotSent, TransportFailure::kDuringTransfer});
  retry.response = retry.failure == TransportFailure::kNone ? &response : nullptr;
  retry.replay_safe = input.ConsumeBool();
  // What the client can pass: attempts up to its limit, the clock's epoch seconds (until 2500).
  retry.attempt = input.ConsumeIntegralInRange<int>(1, HttpOptions{}.max_attempts);
  retry.now_epoch_seconds = input.ConsumeIntegralInRange<std::int64_t>(0, 16'725'225'600);
  const std::string link = input.ConsumeRemainingBytesAsString();

  (void)next_page_link(link);
  (void)is_rate_limited(response);
  std::mt19937_64 random(size);
  if (const auto plan = plan_retry(retry, RetryPolicy{}, random); plan && plan->delay.count() < 0) {
    std::fprintf(stderr, "http_headers_fuzz: negative delay (%s)\n", plan->reason.c_str());
    std::abort();
  }
  return 0;
}
