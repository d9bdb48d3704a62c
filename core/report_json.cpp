#include "core/report_json.h"

#include <cmath>

namespace benchgate {
namespace {

using nlohmann::json;

json source_json(const ProfileSource& side) {
  return json{{"source", side.source},
              {"format", side.format},
              {"event", side.event},
              {"unit", side.unit},
              {"samples", side.samples}};
}

}  // namespace

std::string_view to_string(HeadOnlyReason reason) {
  switch (reason) {
    case HeadOnlyReason::kNoStoredBase:
      return "no_stored_base";
    case HeadOnlyReason::kIncomparable:
      return "incomparable";
    case HeadOnlyReason::kBaseNotCaptured:
      return "base_not_captured";
    case HeadOnlyReason::kNone:
      break;
  }
  return "none";
}

json function_deltas_json(const FunctionDeltas& deltas) {
  json functions = json::array();
  for (const auto& f : deltas.top) {
    json entry = {{"name", f.name},
                  {"base_samples", f.base_samples},
                  {"head_samples", f.head_samples},
                  {"base_share", f.base_share},
                  {"head_share", f.head_share},
                  {"delta_points", f.delta_points},
                  {"z", f.z}};
    if (f.time_delta_of_base) entry["time_delta_of_base"] = *f.time_delta_of_base;
    if (f.time_delta_ns) entry["time_delta_ns"] = *f.time_delta_ns;
    functions.push_back(std::move(entry));
  }
  json document = {{"base", source_json(deltas.base)},
                   {"head", source_json(deltas.head)},
                   {"ranked_by", deltas.ranked_by == FrameShare::kTotal ? "total" : "self"},
                   {"functions_compared", deltas.functions_compared},
                   {"functions_below_noise", deltas.functions_below_noise},
                   {"top_functions", std::move(functions)}};
  if (deltas.time_ratio) document["time_ratio"] = *deltas.time_ratio;
  return document;
}

std::string function_deltas_json_text(const FunctionDeltas& deltas) {
  return function_deltas_json(deltas).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json profile_finding_json(const ProfileFinding& f) {
  json out = {{"suite", f.suite},
              {"benchmark", f.benchmark},
              {"verdict", to_string(f.verdict)},
              {"metric", f.metric},
              {"base", f.base_label},
              {"head", f.head_label},
              {"svg", f.svg_file},
              {"differential", f.differential()},
              {"head_only", to_string(f.head_only)},
              {"head_profile", source_json(f.head)}};
  // JSON has no NaN: null when the ratio is not known.
  out["ratio"] = std::isfinite(f.ratio) ? json(f.ratio) : json(nullptr);
  if (!f.head_only_detail.empty()) out["head_only_detail"] = f.head_only_detail;
  if (f.deltas) out["functions"] = function_deltas_json(*f.deltas);
  return out;
}

}  // namespace benchgate
