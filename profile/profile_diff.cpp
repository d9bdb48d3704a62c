#include "profile/profile_diff.h"

#include <algorithm>
#include <cmath>

namespace benchgate::profile {

ProfileDiff diff_profiles(const FrameTrie& trie, const ProfileInfo& base, const ProfileInfo& head,
                          const DiffOptions& options) {
  require_comparable(base, head);
  ProfileDiff diff;
  diff.base = base;
  diff.head = head;
  diff.time_ratio = options.time_ratio;
  diff.min_samples = options.min_samples;
  diff.min_z = options.min_z;
  diff.ranked_by = options.rank_by;
  const auto functions = function_counts(trie);
  const NoiseRule noise{options.min_samples, options.min_z};
  std::vector<FunctionDelta> passing;
  for (NameId name = 0; name < functions.size(); ++name) {
    const auto [base_count, head_count] = functions[name].of(options.rank_by);
    if (base_count == 0 && head_count == 0) continue;
    // The root "all" is no function of the program; its total is every sample (a frame that is
    // really called "all" shares its name, and only its self share can be told apart).
    if (options.rank_by == ColourBy::kTotal && name == trie.node(kRootNode).name) continue;
    ++diff.functions_compared;
    FunctionDelta delta;
    delta.base_samples = base_count;
    delta.head_samples = head_count;
    delta.base_share = share(base_count, trie.total(kBase));
    delta.head_share = share(head_count, trie.total(kHead));
    delta.delta_points = delta_points(trie, {base_count, head_count});
    delta.z = change_z(trie, {base_count, head_count}, options.time_ratio);
    if (!above_noise(noise, trie, {base_count, head_count}, options.time_ratio)) {
      if (change_points(trie, {base_count, head_count}, options.time_ratio) != 0)
        ++diff.functions_below_noise;
      continue;
    }
    if (options.time_ratio) {
      delta.time_delta_of_base = delta.head_share * *options.time_ratio - delta.base_share;
      if (options.base_time_ns)
        delta.time_delta_ns = *delta.time_delta_of_base * *options.base_time_ns;
    }
    delta.name = std::string(trie.name(name));
    passing.push_back(std::move(delta));
  }
  // Ranked by what the differential flame graph colours (change_points): the change of time
  // when the ratio is known, else of the share.
  const auto change = [](const FunctionDelta& d) {
    return d.time_delta_of_base ? *d.time_delta_of_base * 100.0 : d.delta_points;
  };
  const auto by_size = [&](const FunctionDelta& a, const FunctionDelta& b) {
    if (std::abs(change(a)) != std::abs(change(b)))
      return std::abs(change(a)) > std::abs(change(b));
    return a.name < b.name;
  };
  const std::size_t keep = std::min(options.top, passing.size());
  std::partial_sort(passing.begin(), passing.begin() + static_cast<std::ptrdiff_t>(keep),
                    passing.end(), by_size);
  passing.resize(keep);
  diff.top = std::move(passing);
  return diff;
}

}  // namespace benchgate::profile
