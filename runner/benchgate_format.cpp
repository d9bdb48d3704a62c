#include "runner/benchgate_format.h"

#include "core/run_record_json.h"

namespace benchgate {

bool BenchgateFormat::recognises(const nlohmann::json& document) const {
  return looks_like_run_record(document);
}

RunRecord BenchgateFormat::read(const nlohmann::json& document, const std::string& source) const {
  RunRecord record = run_record_from_json(document);
  // Processes recorded without an origin came from this file.
  for (auto& p : record.processes)
    if (p.source.empty()) p.source = source;
  return record;
}

}  // namespace benchgate
