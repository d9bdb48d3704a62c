#include "profile/function_shares.h"

#include <algorithm>
#include <cmath>

#include "profile/profile_diff.h"

namespace benchgate::profile {

std::vector<FunctionCounts> function_counts(const FrameTrie& trie,
                                            const std::vector<SideCounts>& subtree_totals) {
  std::vector<FunctionCounts> out(trie.name_count());
  // From the root: the synthetic "all" frame is a function of 100% total on both sides (its hover
  // says so); the diff leaves it out.
  for (NodeId id = kRootNode; id < trie.size(); ++id) {
    const auto& node = trie.node(id);
    auto& function = out[node.name];
    function.self[kBase] += node.self[kBase];
    function.self[kHead] += node.self[kHead];
    // A subtree counts towards its function's total only from the outermost frame of that name
    // on the path: below it (recursion) the same samples are already counted.
    bool outermost = true;
    for (NodeId up = node.parent; id != kRootNode && up != kRootNode && outermost;
         up = trie.node(up).parent)
      outermost = trie.node(up).name != node.name;
    if (!outermost) continue;
    function.total[kBase] += subtree_totals[id][kBase];
    function.total[kHead] += subtree_totals[id][kHead];
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
