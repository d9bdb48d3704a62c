#include "runner/benchgate_format.h"

#include "core/run_record_json.h"

namespace benchgate::runner {
namespace {

// Processes recorded without an origin came from this file.
RunRecord with_sources(RunRecord record, const std::string& source) {
  for (auto& p : record.processes)
    if (p.source.empty()) p.source = source;
  return record;
}

}  // namespace

bool BenchgateFormat::recognises(const nlohmann::json& document) const {
  return looks_like_run_record(document);
}

RunRecord BenchgateFormat::read(const nlohmann::json& document, const std::string& source) const {
  return with_sources(run_record_from_json(document), source);
}

std::optional<RunRecord> BenchgateFormat::read_text(const std::string& text,
                                                    const std::string& source) const {
  std::optional<RunRecord> record = read_run_record_text(text);
  if (record) return with_sources(std::move(*record), source);
  return record;
}

}  // namespace benchgate::runner
