#include "runner/gbench_entry.h"

#include <array>
#include <optional>
#include <string_view>

namespace benchgate::runner::gbench {
using nlohmann::json;

namespace {

// The known fields and their slots; null for those not needed (aggregate_unit, label, complexity
// results of aggregates, ...).
constexpr std::array<std::pair<std::string_view, Slot>, 23> kKnownFields = {{
    {"aggregate_name", &Entry::aggregate_name},
    {"aggregate_unit", nullptr},
    {"big_o", nullptr},
    {"cpu_coefficient", nullptr},
    {"cpu_time", &Entry::cpu_time},
    {"error_message", &Entry::error_message},
    {"error_occurred", &Entry::error_occurred},
    {"family_index", nullptr},
    {"iterations", &Entry::iterations},
    {"label", nullptr},
    {"name", &Entry::name},
    {"per_family_instance_index", nullptr},
    {"real_coefficient", nullptr},
    {"real_time", &Entry::real_time},
    {"repetition_index", &Entry::repetition_index},
    {"repetitions", nullptr},
    {"rms", nullptr},
    {"run_name", &Entry::run_name},
    {"run_type", &Entry::run_type},
    {"skip_message", &Entry::skip_message},
    {"skipped", &Entry::skipped},
    {"threads", &Entry::threads},
    {"time_unit", &Entry::time_unit},
}};

}  // namespace

// kKnownFields is bucketed by name length, so a field is told apart by one or two comparisons of
// equal-length strings: this runs for every field of every entry.
std::optional<Slot> known_field(std::string_view key) {
  static constexpr std::size_t kMaxLength = 32;
  static const auto buckets = [] {
    std::array<std::vector<std::pair<std::string_view, Slot>>, kMaxLength> b;
    for (const auto& field : kKnownFields) b.at(field.first.size()).push_back(field);
    return b;
  }();
  if (key.size() >= kMaxLength) return std::nullopt;
  // Most lookups are a counter's or a field of another length: the first byte decides.
  for (const auto& [name, slot] : buckets[key.size()])
    if (name[0] == key[0] && name == key) return slot;
  return std::nullopt;
}

void Entry::clear() {
  // Slot by slot: assigning a fresh Entry wrote its kilobyte of Scalars for every entry read.
  for (const auto& [name, slot] : kKnownFields)
    if (slot) (this->*slot).reset();
  counters.clear();
}

void gather(const json& object, Entry& e) {
  e.clear();
  for (auto it = object.begin(); it != object.end(); ++it) {
    const json& value = it.value();
    if (std::optional<Slot> slot = known_field(it.key())) {
      if (*slot) e.** slot = json_field::scalar_of(value);
    } else if (value.is_number()) {
      // Non-numeric unknown fields are descriptive (or from a newer version): not counters.
      e.counters.emplace_back(it.key(), json_field::scalar_of(value));
    }
  }
}

}  // namespace benchgate::runner::gbench
