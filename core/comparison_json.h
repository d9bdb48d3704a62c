#pragma once
// The comparison JSON: a contract other tools read (docs/json-report.md). Field names are stable;
// new fields may be added, none renamed. Non-finite numbers (an unbounded CI) are written as null.
#include <nlohmann/json.hpp>

#include "core/comparison.h"

namespace benchgate {

inline constexpr const char* kComparisonSchema = "benchgate.comparison/1";

nlohmann::json to_json(const Comparison& comparison);

}  // namespace benchgate
