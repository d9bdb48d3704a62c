#pragma once
// Result-lines suites (`format = "lines"`): a command that measures itself and prints its results
// on stdout, one per line (runner/lines_format.h). Each launch is one process; its lines are its
// samples; bare numbers belong to the benchmark named after the suite.
#include <optional>
#include <vector>

#include "runner/config.h"
#include "runner/suite_launch.h"

namespace benchgate::runner {

// One process of the suite on `cpus`. A crash, a timeout, a non-zero exit or a line that cannot
// be read fails the process (the message names the line).
LaunchResult run_lines_process(const SuiteConfig& suite,
                               const std::optional<std::vector<int>>& cpus);

}  // namespace benchgate::runner
