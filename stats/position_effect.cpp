#include "stats/position_effect.h"

#include <cmath>
#include <map>
#include <vector>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {

std::optional<SecondRunPenalty> job_second_run_penalty(
    std::span<const std::span<const RoundPair>> benchmarks) {
  std::map<int, std::vector<double>> contrasts;  // block -> one contrast per benchmark
  for (const auto& rounds : benchmarks) {
    std::map<int, std::pair<const RoundPair*, const RoundPair*>> blocks;  // (head second, first)
    for (const RoundPair& r : rounds) {
      auto& slot = blocks[(r.round + 1) / 2];
      (r.head_second ? slot.first : slot.second) = &r;
    }
    for (const auto& [block, pair] : blocks) {
      if (!pair.first || !pair.second) continue;
      const double second = std::log(pair.first->head / pair.first->base);
      const double first = std::log(pair.second->head / pair.second->base);
      contrasts[block].push_back((second - first) / 2);
    }
  }
  std::vector<double> per_block;
  for (auto& [block, values] : contrasts) per_block.push_back(median_in_place(values));
  if (per_block.size() < 2) return std::nullopt;
  const double n = static_cast<double>(per_block.size());
  const double center = mean(per_block);
  const double half =
      boost::math::quantile(StudentsT(n - 1), 0.975) * sample_sd(per_block) / std::sqrt(n);
  return SecondRunPenalty{.ratio = std::exp(center),
                          .low = std::exp(center - half),
                          .high = std::exp(center + half),
                          .blocks = per_block.size()};
}

}  // namespace benchgate::stats
