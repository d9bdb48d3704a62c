#include "stats/common_mode.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "stats/descriptive.h"

namespace benchgate::stats {
namespace {

constexpr double kRobustSds = 5;
constexpr double kSmallestDisturbance = 0.0953;  // log(1.10)

}  // namespace

std::vector<ProcessDeviation> common_mode_deviations(
    std::span<const std::span<const RoundPair>> benchmarks) {
  std::map<std::pair<int, bool>, std::vector<double>> per_process;
  std::vector<double> logs;
  for (const auto& rounds : benchmarks) {
    logs.clear();
    for (const RoundPair& r : rounds) {
      logs.push_back(std::log(r.base));
      logs.push_back(std::log(r.head));
    }
    if (logs.size() < 4) continue;
    const double center = median(logs);
    for (const RoundPair& r : rounds) {
      per_process[{r.round, false}].push_back(std::log(r.base) - center);
      per_process[{r.round, true}].push_back(std::log(r.head) - center);
    }
  }
  std::vector<ProcessDeviation> out;
  std::vector<double> all;
  for (auto& [key, values] : per_process) {
    out.push_back({.round = key.first, .head = key.second, .deviation = median_in_place(values)});
    all.push_back(out.back().deviation);
  }
  // Relative to the typical process, so that the limit is about spread, not level.
  const double typical = all.empty() ? 0 : median_in_place(all);
  for (auto& d : out) d.deviation -= typical;
  return out;
}

double common_mode_limit(std::span<const ProcessDeviation> deviations) {
  std::vector<double> values;
  for (const auto& d : deviations) values.push_back(d.deviation);
  if (values.size() < 4) return std::numeric_limits<double>::infinity();
  for (double& v : values) v = std::fabs(v);
  return std::max(kRobustSds * 1.4826 * median_in_place(values), kSmallestDisturbance);
}

}  // namespace benchgate::stats
