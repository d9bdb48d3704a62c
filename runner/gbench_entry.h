#pragma once
// The fields of one Google Benchmark JSON entry (an element of `benchmarks`), gathered in one pass
// over its members: the known ones by role, every other numeric one as a user counter. Both
// readers fill the same Entry, the document reader from nlohmann values (gather) and the fast
// path from the text (gbench_entry_text.h), so one set of rules (gbench_format.cpp) reads both.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_scalar.h"

namespace benchgate::runner::gbench {
using json_field::Scalar;

// Each field's value, nullopt when the entry lacks it. Strings are views of the document or text
// read, valid while it is.
struct Entry {
  std::optional<Scalar> name, run_name, run_type, repetition_index, threads, iterations, real_time,
      cpu_time, time_unit, aggregate_name, error_occurred, error_message, skipped, skip_message;
  std::vector<std::pair<std::string_view, Scalar>> counters;

  // Empties it, keeping the counters' storage for the next entry.
  void clear();
};

// Where a known field goes in Entry. A null slot is a field that is structural or descriptive
// but not needed (family_index, label, ...); nullopt is a field Google Benchmark does not write
// itself, a user counter when it is a number.
using Slot = std::optional<Scalar> Entry::*;
std::optional<Slot> known_field(std::string_view key);

// Fills `entry` from `object` (an entry of `benchmarks`).
void gather(const nlohmann::json& object, Entry& entry);

}  // namespace benchgate::runner::gbench
