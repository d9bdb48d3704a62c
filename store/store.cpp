#include "store/store.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::store {
namespace {

std::vector<std::string> sorted_testbeds(const std::vector<RunRecord>& records) {
  std::set<std::string> names;
  for (const auto& r : records) names.insert(r.testbed);
  return {names.begin(), names.end()};
}

}  // namespace

void Store::save(const std::string& commit, const std::vector<RunRecord>& records) {
  check_key(commit);  // an unknown commit is reported before any record problem
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].testbed.empty())
      throw InputError(
          fmt::format("record {}: has no testbed (results are only comparable within "
                      "one testbed; pass --testbed NAME)",
                      i + 1));
    try {
      lines.push_back(record_to_line(records[i]));
    } catch (const InputError& e) {
      throw InputError(fmt::format("record {}: refused, nothing was saved: {}", i + 1, e.what()));
    }
  }
  save_lines(commit, lines);
}

void Store::save_lines(const std::string& commit, const std::vector<std::string>& lines) {
  check_key(commit);
  for (const auto& line : lines)
    if (line.find('\n') != std::string::npos)
      throw InputError("a stored line must not contain a newline (one entry per line)");
  if (!lines.empty()) merge_lines(commit, lines);
}

CommitRecords Store::load(const std::string& commit,
                          const std::optional<std::string>& testbed) const {
  if (std::optional<std::string> text = read_text(commit))
    return records_of_entry(commit, *text, testbed);
  CommitRecords out;
  out.commit = commit;
  return out;
}

CommitRecords records_of_entry(const std::string& commit, const std::string& text,
                               const std::optional<std::string>& testbed) {
  CommitRecords out;
  out.commit = commit;
  out.found = true;
  ParsedRecords parsed = parse_record_lines(text, commit);
  out.testbeds = sorted_testbeds(parsed.records);
  out.problems = std::move(parsed.problems);
  for (auto& record : parsed.records)
    if (!testbed || record.testbed == *testbed) out.records.push_back(std::move(record));
  return out;
}

std::vector<AnnotatedCommit> Store::list() const {
  std::vector<AnnotatedCommit> out;
  for (const auto& commit : annotated_commits()) {
    CommitRecords loaded = load(commit);
    AnnotatedCommit entry;
    entry.commit = commit;
    entry.commit_time = commit_time(commit);
    entry.testbeds = loaded.testbeds;
    entry.record_count = loaded.records.size();
    std::set<std::string> benchmarks;
    for (const auto& record : loaded.records) {
      entry.newest_record = std::max(entry.newest_record, record.created_at);
      for (const auto& b : record.benchmarks) benchmarks.insert(b.name);
    }
    entry.benchmark_count = benchmarks.size();
    entry.problems = std::move(loaded.problems);
    out.push_back(std::move(entry));
  }
  // Newest first; ties (and stores without commit times) fall back to the records' own times,
  // then to the commit id so the order is deterministic.
  std::sort(out.begin(), out.end(), [](const AnnotatedCommit& a, const AnnotatedCommit& b) {
    long long ta = a.commit_time.value_or(0), tb = b.commit_time.value_or(0);
    if (ta != tb) return ta > tb;
    if (a.newest_record != b.newest_record) return a.newest_record > b.newest_record;
    return a.commit < b.commit;
  });
  return out;
}

std::vector<std::string> Store::prune(std::size_t keep) {
  std::vector<AnnotatedCommit> entries = list();
  std::vector<std::string> doomed;
  for (std::size_t i = keep; i < entries.size(); ++i) doomed.push_back(entries[i].commit);
  if (!doomed.empty()) remove(doomed);
  return doomed;
}

}  // namespace benchgate::store
