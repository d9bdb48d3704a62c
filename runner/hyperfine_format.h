#pragma once
// hyperfine's `--export-json FILE` output.
//
// hyperfine starts the command afresh for every run, so every entry of a result's `times` array
// is its own process (docs/design.md#the-unit-of-analysis: the process is the unit of analysis); a
// run that exited non-zero (kept by `--ignore-failure`) is an error of that process, not a sample.
// Mapping in detail: docs/run-record.md.
#include "runner/result_format.h"

namespace benchgate::runner {

class HyperfineFormat final : public ResultFormat {
 public:
  std::string_view name() const override { return "hyperfine"; }
  // An object with a `results` array.
  bool recognises(const nlohmann::json& document) const override;
  RunRecord read(const nlohmann::json& document, const std::string& source) const override;
};

}  // namespace benchgate::runner
