#pragma once
// The report model's parts as JSON: the function deltas of a differential profile (also what
// `benchgate flamegraph diff --format json` writes) and a profile finding. The JSON report
// (comparison_json.h) embeds them. Field names are a contract: added, never renamed.
#include <string>

#include <nlohmann/json.hpp>

#include "core/report.h"

namespace benchgate {

nlohmann::json function_deltas_json(const FunctionDeltas& deltas);
// The same as a document: 2-space indented, invalid UTF-8 in names replaced, ending in a newline.
std::string function_deltas_json_text(const FunctionDeltas& deltas);
nlohmann::json profile_finding_json(const ProfileFinding& finding);
std::string_view to_string(HeadOnlyReason reason);

}  // namespace benchgate
