#pragma once
// The comparison JSON: a contract other tools read (docs/reports.md#json). Field names are stable;
// new fields may be added, none renamed. Non-finite numbers (an unbounded CI) are written as null.
#include <string>

#include <nlohmann/json.hpp>

#include "core/comparison.h"
#include "core/report.h"

namespace benchgate {

inline constexpr const char* kComparisonSchema = "benchgate.comparison/1";

// The report text (2-space indented, keys sorted, ending in a newline), written directly: the one
// producer of the comparison JSON. Invalid UTF-8 in names becomes U+FFFD rather than an error.
std::string comparison_json_text(const Comparison& comparison);
// The same document as a DOM, for callers that inspect it.
nlohmann::json to_json(const Comparison& comparison);
// The comparison document of `report.comparison` with the report's attachments added:
// "noise" (interleaved jobs), "profile_notes" and "profiles" (docs/reports.md#json).
std::string report_json_text(const Report& report);
// Reads a comparison document back (written by another run, e.g. a fork's hand-off): every field
// is checked, at most 100,000 rows; InputError naming the field under `where`.
Comparison comparison_from_json(const nlohmann::json& document, const std::string& where);

}  // namespace benchgate
