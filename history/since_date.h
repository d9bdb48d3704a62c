#pragma once
// The date of `--since` (docs/history.md#benchgate-history): an ISO date (2026-01-31, midnight
// UTC), an ISO time in UTC (2026-01-31T12:00:00Z), or git's relative spelling "N
// seconds|minutes|hours|days|weeks ago" (singular too), counted back from `now`.
#include <string>

namespace benchgate::history {

// Seconds since the epoch; InputError naming --since and the text for anything else.
long long parse_since(const std::string& text, long long now);

}  // namespace benchgate::history
