#pragma once
// Baselines keyed by commit: the `Store` plug-in interface
// (docs/architecture.md#how-to-add-a-plug-in, docs/design.md#baselines-in-git-notes).
//
// The public operations (save, load, list, prune) are written once here on top of four storage
// primitives that each backend implements: read an entry's text, merge lines into an entry,
// enumerate entries, remove entries. Validation, parsing and error reporting therefore behave the
// same whether records live in git notes or in a directory.
#include <optional>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "store/record_lines.h"

namespace benchgate::store {

struct CommitRecords {
  std::string commit;
  bool found = false;                 // the commit has an entry at all
  std::vector<RunRecord> records;     // readable records (filtered by testbed when asked)
  std::vector<std::string> testbeds;  // testbeds of all readable records, sorted, unique
  std::vector<LineProblem> problems;  // unreadable lines, each with commit and line number
};

struct AnnotatedCommit {
  std::string commit;
  std::optional<long long> commit_time;  // seconds since the epoch, when the store knows the commit
  std::string newest_record;             // latest created_at among its records (ISO 8601)
  std::vector<std::string> testbeds;
  std::size_t record_count = 0;
  std::size_t benchmark_count = 0;  // distinct benchmark names over its records
  std::vector<LineProblem> problems;
};

// The records of one entry's text (Store::read_text), only those of `testbed` when given: the
// second half of Store::load, on its own so that a reader of many entries can parse them on
// several threads (it touches no store).
CommitRecords records_of_entry(const std::string& commit, const std::string& text,
                               const std::optional<std::string>& testbed);

class Store {
 public:
  virtual ~Store() = default;

  // Adds records to `commit`'s entry. Every record is validated first (and must name a testbed);
  // one bad record refuses the whole call before anything is written. Saving a record that is
  // already stored is a no-op.
  void save(const std::string& commit, const std::vector<RunRecord>& records);
  // The layer under save(), for entries that are not run records (profiles, store/
  // profile_store.h): adds `lines` to `commit`'s entry with the same atomic, concurrency-safe
  // union merge, without reading them as records. Lines must not contain '\n'.
  void save_lines(const std::string& commit, const std::vector<std::string>& lines);
  // The records stored for `commit`, only those of `testbed` when given.
  CommitRecords load(const std::string& commit,
                     const std::optional<std::string>& testbed = std::nullopt) const;
  // Every annotated commit with a summary, newest first (commit time, else newest record).
  std::vector<AnnotatedCommit> list() const;
  // Keeps the `keep` newest annotated commits (order of `list`) and removes the rest; returns the
  // removed commits.
  std::vector<std::string> prune(std::size_t keep);

  // Human description for messages, e.g. "git notes refs/notes/benchgate in /src/repo".
  virtual std::string describe() const = 0;
  // The raw entry of `commit` (JSON Lines), or nothing when the commit has none.
  virtual std::optional<std::string> read_text(const std::string& commit) const = 0;
  // Every commit that has an entry, in no particular order.
  virtual std::vector<std::string> annotated_commits() const = 0;

 protected:
  // Atomically replaces `commit`'s entry by union_lines(current, lines); concurrent callers (other
  // processes included) must not lose each other's lines.
  virtual void merge_lines(const std::string& commit, const std::vector<std::string>& lines) = 0;
  virtual void remove(const std::vector<std::string>& commits) = 0;
  // Commit time for ordering, when the backend knows it.
  virtual std::optional<long long> commit_time(const std::string& commit) const = 0;
  // Refuses keys this backend cannot store (InputError).
  virtual void check_key(const std::string& commit) const = 0;
};

}  // namespace benchgate::store
