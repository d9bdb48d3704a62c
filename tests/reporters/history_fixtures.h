#pragma once
// Histories for the dashboard's tests and bench/history_site_chromium_bench.cpp: series that
// look like a branch's recorded jobs (noisy levels, a few change points) on shared commits.
#include <cstddef>
#include <string>

#include "core/history.h"

namespace benchgate::testing {

// `series` benchmarks ("bench_0", "bench_1", ...) measured on the same `points` commits, oldest
// first, one day apart. Series k has a change point at points * (k % 3 + 1) / 4 when k % 2 == 0
// (a 10% slowdown when k % 4 == 0, an 8% speedup otherwise); the others stay flat. Levels are
// around 100 * (k + 1) ns with seeded noise; every fourth commit has a profile.
History synthetic_history(std::size_t series, std::size_t points,
                          const std::string& commit_url_prefix);

// The 40-hex-digit commit id of point `i` in synthetic_history.
std::string synthetic_commit(std::size_t i);

// Gives `point` a job of its own, a copy of its job with this subject.
void set_subject(HistoryPoint& point, const std::string& subject);

}  // namespace benchgate::testing
