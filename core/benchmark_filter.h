#pragma once
// The one meaning of `--benchmark REGEX` (history, bisect): a POSIX extended regular expression
// searched anywhere in the benchmark's name, as Google Benchmark reads `--benchmark_filter`, so a
// filter that selects benchmarks in a suite selects the same ones here.
#include <regex>
#include <string>

namespace benchgate {

// The compiled filter; an InputError naming `--benchmark` and the pattern when it is not a
// valid expression.
std::regex benchmark_filter(const std::string& pattern);

}  // namespace benchgate
