#include "core/nearest_word.h"

#include <algorithm>
#include <numeric>

namespace benchgate {
namespace {

std::string_view without_dashes(std::string_view word) {
  return word.substr(std::min(word.find_first_not_of('-'), word.size()));
}

// `abbreviation` starts like `word` and its letters appear in `word` in the same order.
bool abbreviates(std::string_view abbreviation, std::string_view word) {
  if (abbreviation.size() < 3 || abbreviation.size() >= word.size() ||
      abbreviation.front() != word.front())
    return false;
  std::size_t at = 0;
  for (char c : abbreviation) {
    at = word.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // The dynamic-programming table three rows at a time (a swap looks two rows back): row[j] is
  // the distance between the first i characters of a and the first j of b.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    before.swap(previous);
    previous.swap(row);
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest_word(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  const std::string_view typed = without_dashes(word);
  // One or two letters are too little to guess from: every short name is one edit away.
  if (typed.size() < 3) return std::nullopt;
  const std::size_t typo_limit = std::max<std::size_t>(1, typed.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::string_view known = without_dashes(candidate);
    const std::size_t distance = edit_distance(typed, known);
    // Distance 0 with other dashes (-threshold for --threshold) is still worth suggesting.
    if (candidate == word || (distance > typo_limit && !abbreviates(typed, known))) continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace benchgate
