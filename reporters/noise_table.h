#pragma once
// The noise report of an interleaved job as a plain-text table for the console and the job log:
// one line per benchmark, those too noisy to gate at their δ marked.
#include <string>

#include "core/noise_report.h"

namespace benchgate::report {

std::string noise_table(const NoiseReport& report);

}  // namespace benchgate::report
