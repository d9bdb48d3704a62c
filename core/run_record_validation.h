#pragma once
// The run-record validator (docs/run-record.md) in the pieces its two readers share: the
// document reader (run_record_from_json, for any input) and the text fast path
// (read_run_record_text, for well-formed records). Both build a record only through these
// functions, so there is one set of rules. Each throws InputError naming the field path.
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/run_record.h"

namespace benchgate::run_record_validation {

// A benchmark entry's sample columns (process, repetition, iterations, metrics.*), each a run of
// JSON values: the document's own arrays, or the fast path's buffers of numbers.
class SampleColumns {
 public:
  using Column = std::span<const nlohmann::json>;
  virtual ~SampleColumns() = default;
  // The column `key` of the entry at `where`; throws InputError when it is missing or no array.
  virtual Column column(const char* key, const std::string& where) const = 0;
  // Calls visit(name, column) for each metric of the entry at `where`.
  virtual void for_each_metric(
      const std::string& where,
      const std::function<void(const std::string& name, Column column)>& visit) const = 0;
};

// Every top-level field before `benchmarks`: schema, tool, testbed, created_at, git, seed,
// environment, processes.
RunRecord header_from_json(const nlohmann::json& document);
// The top-level `notes`, added to `record`.
void read_notes(const nlohmann::json& document, RunRecord& record);

// The entry at `where` (`benchmarks[i]`): `entry` holds its other members (name, threads,
// errors), `columns` its samples. Process ids must be below `process_count`.
BenchmarkResult benchmark_from_json(const nlohmann::json& entry, const SampleColumns& columns,
                                    const std::string& where, std::size_t process_count);
// The fast path reads benchmarks before the processes they refer to (they come first in the
// file): it passes kProcessCountUnknown above, then checks benchmark `index` with this once the
// processes are known.
inline constexpr std::size_t kProcessCountUnknown = 1u << 30;
void check_process_references(const BenchmarkResult& benchmark, std::size_t index,
                              std::size_t process_count);

// Benchmark names are unique within a record.
class UniqueNames {
 public:
  void add(const std::string& name, std::size_t index);

 private:
  std::unordered_set<std::string> seen_;
};

}  // namespace benchgate::run_record_validation
