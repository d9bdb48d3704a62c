#pragma once
// nanobench's JSON (`bench.render(ankerl::nanobench::templates::json(), out)`).
//
// One file is one process. nanobench measures a benchmark in "epochs", each timing a number of
// iterations; every entry of a result's `measurements` is one epoch, so it is one repetition of
// that benchmark in the process, like a Google Benchmark repetition. The medians and error
// figures beside them are aggregates and are not read. Mapping in detail: docs/run-record.md.
#include "runner/result_format.h"

namespace benchgate::runner {

class NanobenchFormat final : public ResultFormat {
 public:
  std::string_view name() const override { return "nanobench"; }
  // An object with a `results` array whose first entry has a `measurements` array (hyperfine's
  // results have `times` instead).
  bool recognises(const nlohmann::json& document) const override;
  RunRecord read(const nlohmann::json& document, const std::string& source) const override;
};

}  // namespace benchgate::runner
