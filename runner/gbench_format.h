#pragma once
// Google Benchmark's JSON output (`--benchmark_out=FILE --benchmark_out_format=json`).
//
// One file is one process (docs/design.md#the-unit-of-analysis). Per-repetition entries (`run_type:
// "iteration"`) become samples; aggregates (mean/median/stddev/cv, BigO/RMS) are recognised and
// skipped, because statistics are computed from the repetitions themselves. Times are normalised to
// nanoseconds. Mapping in detail: docs/run-record.md.
#include "runner/result_format.h"

namespace benchgate::runner {

class GbenchFormat final : public ResultFormat {
 public:
  std::string_view name() const override { return "gbench"; }
  // An object with a `benchmarks` array and no `schema` (that would be a benchgate run record).
  bool recognises(const nlohmann::json& document) const override;
  RunRecord read(const nlohmann::json& document, const std::string& source) const override;
  std::optional<RunRecord> read_text(std::string_view text,
                                     const std::string& source) const override;
};

}  // namespace benchgate::runner
