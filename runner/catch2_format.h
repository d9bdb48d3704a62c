#pragma once
// Catch2's XML reporter output (`--reporter xml`), as Catch2 v2 (Debian's catch2, 2.13) and v3
// write it: a <BenchmarkResults> element per BENCHMARK inside its <TestCase> (and <Section>s).
//
// Catch2 writes no per-sample times, only the mean and standard deviation of its samples (with
// bootstrap bounds): aggregates, which are not samples. So one file is one process with one
// repetition per benchmark: the mean, over `samples` x `iterations` iterations, which is what a
// Google Benchmark repetition is too (total time over the iterations run). The spread comes from
// running several processes (docs/design.md#the-unit-of-analysis). Mapping in detail:
// docs/run-record.md.
#include "runner/result_format.h"

namespace benchgate::runner {

class Catch2Format final : public TextResultFormat {
 public:
  std::string_view name() const override { return "catch2"; }
  // XML whose root element is <Catch> (v2) or <Catch2TestRun> (v3).
  bool recognises_text(std::string_view text) const override;
  RunRecord read_non_json(std::string_view text, const std::string& source) const override;
};

}  // namespace benchgate::runner
