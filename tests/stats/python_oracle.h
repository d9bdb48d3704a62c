#pragma once
// Running a Python oracle script (scipy or brute force) under /usr/bin/python3 — Debian's python,
// which has python3-scipy; the `python3` on PATH may not.
#include <string>
#include <string_view>

namespace benchgate::testing {

// Empty when /usr/bin/python3 can import scipy.stats; otherwise the reason to skip a test.
std::string scipy_missing_reason();

// Writes `script` and `input` to a temporary directory, runs the script with the input file's
// path as argv[1] and returns its standard output. A failing script is a test failure (and "").
std::string run_python_oracle(std::string_view script, std::string_view input);

}  // namespace benchgate::testing
