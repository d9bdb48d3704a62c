#include "profile/function_shares.h"

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

}  // namespace benchgate::profile
