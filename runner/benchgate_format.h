#pragma once
// benchgate's own run record (schema "benchgate.run/1", docs/run-record.md), as written by
// `benchgate run` or the stores: read back unchanged through core/run_record_json.h.
#include "runner/result_format.h"

namespace benchgate::runner {

class BenchgateFormat final : public ResultFormat {
 public:
  std::string_view name() const override { return "benchgate"; }
  bool recognises(const nlohmann::json& document) const override;
  RunRecord read(const nlohmann::json& document, const std::string& source) const override;
  std::optional<RunRecord> read_text(const std::string& text,
                                     const std::string& source) const override;
};

}  // namespace benchgate::runner
