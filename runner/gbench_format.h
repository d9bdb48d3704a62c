#pragma once
// Google Benchmark's JSON output (`--benchmark_out=FILE --benchmark_out_format=json`).
//
// One file is one process (docs/design.md#the-unit-of-analysis). Per-repetition entries (`run_type:
// "iteration"`) become samples; aggregates (mean/median/stddev/cv, BigO/RMS) are recognised and
// skipped, because statistics are computed from the repetitions themselves. Times are normalised to
// nanoseconds. Mapping in detail: docs/run-record.md.
#include <memory>
#include <string>

#include "runner/result_format.h"

namespace benchgate::runner {

class GbenchFormat final : public ResultFormat {
 public:
  std::string_view name() const override { return "gbench"; }
  // An object with a `benchmarks` array and no `schema` (that would be a benchgate run record).
  bool recognises(const nlohmann::json& document) const override;
  RunRecord read(const nlohmann::json& document, const std::string& source) const override;
  std::optional<RunRecord> read_text(const std::string& text,
                                     const std::string& source) const override;
};

// The fast path for a side of many Google Benchmark files: each text read straight into one
// record, file i as process i. That is the record read_text of each file, merged in order with
// merge_records, gives, without a record built and freed per file (half the cost of a side of ten
// 8 MB files). No earlier format's fast path reads these files: this one gives up on any member
// but `context` and `benchmarks`, and a run record has a `schema`.
class GbenchSideReader {
 public:
  GbenchSideReader();
  ~GbenchSideReader();
  // Reads the next file. False when the fast path cannot (see read_text): the reader is then
  // spent, and the side is read the ordinary way, file by file, which explains any error.
  bool add(const std::string& text, const std::string& source);
  RunRecord finish();

 private:
  // Reads one file into the record; throws when the fast path cannot (fast_json::attempt).
  void read_file(const std::string& text, const std::string& source);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace benchgate::runner
