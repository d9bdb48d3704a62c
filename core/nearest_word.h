#pragma once
// "Did you mean ...?": the known word nearest to a mistyped one, for messages about unknown
// flags and subcommands. One definition of "near", so every such message suggests alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate {

// The edit distance between two words: how many single-character insertions, deletions,
// substitutions and swaps of two neighbours turn one into the other (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` by edit distance, when it is near enough to be what was meant:
// a typo (at most one edit per three characters, at least one) or an abbreviation (`word` keeps
// the candidate's first letter and the rest of its letters in order, like --procs for
// --processes). Leading dashes are not counted. Nothing when no candidate is that near or `word`
// has fewer than three letters; ties go to the earlier candidate.
std::optional<std::string> nearest_word(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace benchgate
