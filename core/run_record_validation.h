#pragma once
// The run-record validator (docs/run-record.md) in the pieces its two readers share: the
// document reader (run_record_from_json, for any input) and the simdjson fast path
// (read_run_record_text, for well-formed records). Both build a record only through these
// functions, so there is one set of rules. Each throws InputError naming the field path.
//
// A benchmark entry reaches the validator already read, as typed values (BenchmarkEntry): the
// document reader fills it from nlohmann's values, the fast path straight from the text, without
// a JSON document per entry.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/json_scalar.h"
#include "core/run_record.h"

namespace benchgate::run_record_validation {

using json_field::Scalar;

// A member that holds one value per sample (process, repetition, iterations, metrics.<name>).
struct SampleColumn {
  std::optional<Scalar> member;    // nullopt when missing; an array, or the wrong type
  std::span<const Scalar> values;  // its elements, when it is an array
};
struct MetricColumn {
  std::string_view name;
  SampleColumn column;  // member is always present
};
// One element of `errors`.
struct ErrorItem {
  Scalar item;  // an object, or the wrong type
  std::optional<Scalar> process, message;
};
// A benchmark entry, `benchmarks[i]`: the members the schema knows (others are ignored), each
// nullopt when missing. Spans point into the reader's buffers.
struct BenchmarkEntry {
  Scalar entry = Scalar::of(Scalar::Kind::object);  // the entry itself: an object, or not
  std::optional<Scalar> name, threads;
  SampleColumn process, repetition, iterations;
  std::optional<Scalar> metrics;  // an object (then metric_columns), or the wrong type
  std::span<const MetricColumn> metric_columns;
  std::optional<Scalar> errors;  // an array (then error_items), or the wrong type
  std::span<const ErrorItem> error_items;
};

// Every top-level field before `benchmarks`: schema, tool, testbed, created_at, git, seed,
// environment, processes.
RunRecord header_from_json(const nlohmann::json& document);
// The top-level `notes`, added to `record`.
void read_notes(const nlohmann::json& document, RunRecord& record);

// The entry at `where` (`benchmarks[i]`). Process ids must be below `process_count`.
BenchmarkResult benchmark_from_entry(const BenchmarkEntry& entry, const std::string& where,
                                     std::size_t process_count);
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
