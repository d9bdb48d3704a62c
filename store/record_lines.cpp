#include "store/record_lines.h"

#include <unordered_set>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/run_record_json.h"
#include "core/text_lines.h"

namespace benchgate::store {

std::string LineProblem::describe() const {
  return fmt::format("commit {}, line {}: {}", commit, line, message);
}

std::string record_to_line(const RunRecord& record) {
  std::string line = to_json(record).dump();
  // Round trip through the reader: the store must never hold a line the reader refuses.
  run_record_from_json(nlohmann::json::parse(line));
  return line;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : physical_lines(text))
    if (!line.empty()) lines.emplace_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

ParsedRecords parse_record_lines(std::string_view text, const std::string& commit) {
  ParsedRecords parsed;
  int number = 0;
  // Numbered by physical line (blank lines count) so the number matches what an editor shows.
  for (std::string_view line : physical_lines(text)) {
    ++number;
    if (line.empty()) continue;
    std::string source = fmt::format("commit {} line {}", commit, number);
    try {
      parsed.records.push_back(parse_run_record(line, source));
    } catch (const InputError& e) {
      parsed.problems.push_back({commit, number, e.what()});
    }
  }
  return parsed;
}

std::vector<std::string> union_lines(const std::vector<std::string>& current,
                                     const std::vector<std::string>& added) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  for (const auto* lines : {&current, &added})
    for (const auto& line : *lines)
      if (seen.insert(line).second) out.push_back(line);
  return out;
}

std::vector<std::string> merge_lines_three_way(const std::vector<std::string>& base,
                                               const std::vector<std::string>& ours,
                                               const std::vector<std::string>& theirs) {
  std::unordered_set<std::string_view> in_base(base.begin(), base.end());
  std::unordered_set<std::string_view> in_ours(ours.begin(), ours.end());
  std::unordered_set<std::string_view> in_theirs(theirs.begin(), theirs.end());
  auto keep = [&](const std::string& line) {
    // A base line survives only if neither side deleted it; a new line always survives.
    if (!in_base.count(line)) return true;
    return in_ours.count(line) && in_theirs.count(line);
  };
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  for (const auto* lines : {&ours, &theirs})
    for (const auto& line : *lines)
      if (keep(line) && seen.insert(line).second) out.push_back(line);
  return out;
}

}  // namespace benchgate::store
