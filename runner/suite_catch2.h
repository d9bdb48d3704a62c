#pragma once
// Catch2 suites: a test binary whose BENCHMARKs run under its own command line, one launch per
// process, results read from the XML file it writes (--reporter xml --out FILE) by the "catch2"
// ingest format (runner/catch2_format.h).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runner/config.h"
#include "runner/suite_launch.h"

namespace benchgate::runner {

// Whether the bytes of an executable show that it is a Catch2 (v2 or v3) test binary with
// benchmarking: the benchmark options of its command line are in it.
bool links_catch2(std::string_view executable_bytes);

// The argv of one measured process writing its XML results to `out_file`: the suite's command
// (which may carry a test spec such as "[!benchmark]" and --benchmark-samples N), the reporter
// and --benchmark-no-analysis (Catch2's bootstrap only summarises samples that benchgate
// summarises itself from the processes), then the suite's `filter` as a test spec.
std::vector<std::string> catch2_arguments(const SuiteConfig& suite,
                                          const std::filesystem::path& out_file);

// Runs one process of the suite on `cpus` and reads its results; failures (a crash, a timeout,
// a non-zero exit: a failing test case or a BENCHMARK that threw) come back as a failed
// LaunchResult.
LaunchResult run_catch2_process(const SuiteConfig& suite,
                                const std::optional<std::vector<int>>& cpus,
                                const std::filesystem::path& out_file);

}  // namespace benchgate::runner
