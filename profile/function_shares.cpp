#include "profile/function_shares.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "profile/profile_diff.h"

namespace benchgate::profile {

std::vector<FunctionCounts> function_counts(const FrameTrie& trie) {
  std::vector<FunctionCounts> out(trie.name_count());
  // Per name, the last sampled node whose path counted it: a name that recurses on a path counts
  // that path's samples once.
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> counted_for(trie.name_count(), kNone);
  const NameId root_name = trie.node(kRootNode).name;
  for (std::size_t i = 0; i < trie.sampled_count(); ++i) {
    const NodeId leaf = trie.sampled_node(i);
    const SideCounts& counts = trie.sampled_counts(i);
    auto& self = out[trie.node(leaf).name].self;
    self[kBase] += counts[kBase];
    self[kHead] += counts[kHead];
    for (NodeId up = leaf; up != kRootNode; up = trie.node(up).parent) {
      const NameId name = trie.node(up).name;
      if (counted_for[name] == i) continue;
      counted_for[name] = i;
      out[name].total[kBase] += counts[kBase];
      out[name].total[kHead] += counts[kHead];
    }
    // The synthetic root "all" is a function of 100% total on both sides (its hover says so;
    // the diff leaves it out), also when a frame below it is called "all".
    out[root_name].total[kBase] += counts[kBase];
    out[root_name].total[kHead] += counts[kHead];
  }
  return out;
}

double delta_points(const FrameTrie& trie, const SideCounts& counts) {
  return change_points(trie, counts, std::nullopt);
}

double change_points(const FrameTrie& trie, const SideCounts& counts,
                     std::optional<double> time_ratio) {
  return (share(counts[kHead], trie.total(kHead)) * time_ratio.value_or(1.0) -
          share(counts[kBase], trie.total(kBase))) *
         100.0;
}

double change_z(const FrameTrie& trie, const SideCounts& counts, std::optional<double> time_ratio) {
  const auto n_base = static_cast<double>(trie.total(kBase));
  const auto n_head = static_cast<double>(trie.total(kHead));
  if (n_base <= 0 || n_head <= 0) return 0;
  const double p_base = share(counts[kBase], trie.total(kBase));
  const double p_head = share(counts[kHead], trie.total(kHead));
  double error;
  if (time_ratio) {
    const double r = *time_ratio;
    error = std::sqrt(r * r * p_head * (1 - p_head) / n_head + p_base * (1 - p_base) / n_base);
  } else {
    const double pooled = static_cast<double>(counts[kBase] + counts[kHead]) / (n_base + n_head);
    error = std::sqrt(pooled * (1 - pooled) * (1 / n_base + 1 / n_head));
  }
  return error > 0 ? change_points(trie, counts, time_ratio) / 100.0 / error : 0;
}

bool above_noise(const NoiseRule& rule, const FrameTrie& trie, const SideCounts& counts,
                 std::optional<double> time_ratio) {
  return std::max(counts[kBase], counts[kHead]) >= rule.min_samples &&
         std::abs(change_z(trie, counts, time_ratio)) >= rule.min_z;
}

}  // namespace benchgate::profile
