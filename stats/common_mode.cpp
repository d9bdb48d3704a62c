#include "stats/common_mode.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "stats/clusters.h"
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
  if (values.size() < kFewestTypicalProcesses) return std::numeric_limits<double>::infinity();
  for (double& v : values) v = std::fabs(v);
  return std::max(kRobustSds * 1.4826 * median_in_place(values), kSmallestDisturbance);
}

std::optional<StateSplit> two_state_split(std::span<const std::span<const RoundPair>> benchmarks) {
  // Per side and round: the median over benchmarks of log(value) - log(that side's median).
  std::map<int, std::pair<std::vector<double>, std::vector<double>>> per_round;
  std::vector<double> logs;
  for (const auto& rounds : benchmarks) {
    for (bool head : {false, true}) {
      logs.clear();
      for (const RoundPair& r : rounds) logs.push_back(std::log(head ? r.head : r.base));
      if (logs.size() < 4) continue;
      const double center = median(logs);
      for (const RoundPair& r : rounds) {
        auto& slot = per_round[r.round];
        (head ? slot.second : slot.first).push_back(std::log(head ? r.head : r.base) - center);
      }
    }
  }
  std::vector<int> round_numbers;
  std::vector<double> base_level, head_level;
  for (auto& [round, sides] : per_round) {
    if (sides.first.empty() || sides.second.empty()) continue;
    round_numbers.push_back(round);
    base_level.push_back(std::exp(median_in_place(sides.first)));
    head_level.push_back(std::exp(median_in_place(sides.second)));
  }
  const auto base_states = two_clusters(base_level), head_states = two_clusters(head_level);
  if (!base_states || !head_states) return std::nullopt;
  // The boundary between a side's states: the geometric mean of the two groups' medians.
  const double base_cut = std::sqrt(base_states->low * base_states->high);
  const double head_cut = std::sqrt(head_states->low * head_states->high);
  StateSplit split;
  split.rounds = round_numbers.size();
  split.shift = std::log(base_states->high / base_states->low);
  for (std::size_t i = 0; i < round_numbers.size(); ++i) {
    const bool base_slow = base_level[i] > base_cut, head_slow = head_level[i] > head_cut;
    split.slow_base += base_slow;
    split.slow_head += head_slow;
    if (base_slow == head_slow) split.same_state_rounds.push_back(round_numbers[i]);
  }
  return split;
}

}  // namespace benchgate::stats
