#pragma once
// Hand-built comparisons for the reporter tests: reporters only format, so their tests feed them
// fixed field values and check the text, with no statistics involved.
#include <string>
#include <vector>

#include "core/comparison.h"

namespace benchgate::testing {

// A row with every field set to plain, hand-picked values (base 1 µs, 10 processes per side, a
// tight interval around `ratio`); tests override what they look at.
BenchmarkComparison make_row(std::string name, Verdict verdict, double ratio = 1.0);

// One row of every verdict (regression, improvement, two unchanged, inconclusive, untested, new,
// missing) on 10 processes per side: the gate fails on the regression.
Comparison every_verdict();

// The same rows analysed on repetitions of a single process per side: the regression is
// unconfirmed and the gate passes.
Comparison single_run_comparison();

// Lines of `text` (without the newline).
std::vector<std::string> lines_of(const std::string& text);

}  // namespace benchgate::testing
