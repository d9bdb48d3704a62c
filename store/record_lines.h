#pragma once
// The stored form of run records: JSON Lines, one complete record per line
// (docs/design.md#baselines-in-git-notes). One record per line is what makes concurrent writes
// mergeable without understanding JSON: two notes merge by taking the union of their lines, and
// identical records collapse because a record always serialises to the same bytes (nlohmann writes
// object keys in sorted order).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/run_record.h"
#include "core/text_lines.h"

namespace benchgate::store {

// A line of a stored entry that could not be read: reported, never fatal for the other lines.
struct LineProblem {
  std::string commit;
  int line = 0;  // 1-based
  std::string message;
  std::string describe() const;  // "commit <c>, line <n>: <message>"
};

struct ParsedRecords {
  std::vector<RunRecord> records;
  std::vector<LineProblem> problems;
};

// Serialises and re-validates a record: the returned line is exactly what a reader will parse, and
// a record our own reader would refuse throws InputError here, before anything is written.
std::string record_to_line(const RunRecord& record);

// The non-empty lines of an entry, without their newline.
std::vector<std::string> split_lines(std::string_view text);
std::string join_lines(const std::vector<std::string>& lines);

// Parses every line; bad lines become problems naming `commit` and the line number.
ParsedRecords parse_record_lines(std::string_view text, const std::string& commit);

// `current` plus the lines of `added` it does not already contain, in order (exact duplicates,
// including duplicates within `added`, collapse). Lines are never dropped.
std::vector<std::string> union_lines(const std::vector<std::string>& current,
                                     const std::vector<std::string>& added);

// Three-way line merge of two descendants of `base`: a line survives when either side has it,
// unless one side deleted it from `base` (that is how `prune` propagates). A record added on either
// side is therefore never lost.
std::vector<std::string> merge_lines_three_way(const std::vector<std::string>& base,
                                               const std::vector<std::string>& ours,
                                               const std::vector<std::string>& theirs);

// For entries that are not run records (profiles, calibrations): each non-empty line of `text`
// (the entry of `commit`) read by `parse(line, where)`, where is "<what> of commit C line N" for
// its errors. A line it refuses with InputError goes to `problems`; the other lines still count.
template <class Entry, class Parse>
void parse_entry_lines(std::string_view text, const std::string& commit, std::string_view what,
                       std::vector<Entry>& entries, std::vector<LineProblem>& problems,
                       Parse parse) {
  int number = 0;
  for (std::string_view line : physical_lines(text)) {
    ++number;
    if (line.empty()) continue;
    try {
      entries.push_back(parse(line, fmt::format("{} of commit {} line {}", what, commit, number)));
    } catch (const InputError& e) {
      problems.push_back({commit, number, e.what()});
    }
  }
}

// The entry of `entries` that `matches` and was made last (its ISO 8601 UTC `created_at`, which
// orders like the time it names), moved out; on a tie the later line wins, since the line merge
// appends what is new. For entries that are not run records (profiles, calibrations).
template <class Entry, class Matches>
std::optional<Entry> newest_entry(std::vector<Entry>& entries, Matches matches) {
  std::optional<Entry> newest;
  for (auto& e : entries)
    if (matches(e) && (!newest || e.created_at >= newest->created_at)) newest = std::move(e);
  return newest;
}

}  // namespace benchgate::store
