#pragma once
// What `benchgate bisect` prints: the console summary, or the JSON document
// (docs/history.md#benchgate-bisect, schema "benchgate.bisect/1").
#include <string>

#include <nlohmann/json.hpp>

#include "gate/bisect.h"

namespace benchgate::cli {

inline constexpr const char* kBisectSchema = "benchgate.bisect/1";

std::string bisect_console_text(const gate::BisectResult& result);
nlohmann::json bisect_json(const gate::BisectResult& result);

}  // namespace benchgate::cli
