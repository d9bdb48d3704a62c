#pragma once
// The fields of one Google Benchmark JSON entry (an element of `benchmarks`), gathered in one pass
// over its members: the known ones by role, every other numeric one as a user counter.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace benchgate::runner::gbench {

// Pointers into the parsed document, null when the entry lacks the field.
struct Entry {
  const nlohmann::json* name = nullptr;
  const nlohmann::json* run_name = nullptr;
  const nlohmann::json* run_type = nullptr;
  const nlohmann::json* repetition_index = nullptr;
  const nlohmann::json* threads = nullptr;
  const nlohmann::json* iterations = nullptr;
  const nlohmann::json* real_time = nullptr;
  const nlohmann::json* cpu_time = nullptr;
  const nlohmann::json* time_unit = nullptr;
  const nlohmann::json* aggregate_name = nullptr;
  const nlohmann::json* error_occurred = nullptr;
  const nlohmann::json* error_message = nullptr;
  const nlohmann::json* skipped = nullptr;
  const nlohmann::json* skip_message = nullptr;
  std::vector<std::pair<const std::string*, const nlohmann::json*>> counters;
};

// Fills `entry` from `object` (an entry of `benchmarks`), reusing its storage.
void gather(const nlohmann::json& object, Entry& entry);

}  // namespace benchgate::runner::gbench
