#pragma once
// Building run records in tests: one benchmark's samples, process by process.
#include <random>
#include <string>
#include <vector>

#include "core/run_record.h"

namespace benchgate::testing {

// Adds the samples of one process to benchmark `name` (created on first use) for `metric`.
void add_process(RunRecord& record, const std::string& name, int process,
                 const std::vector<double>& values, const std::string& metric = kRealTime);

// `processes` processes of `repetitions` samples each: process p's level is
// center * exp(process_sd * N(0,1)) and each repetition adds exp(repetition_sd * N(0,1)).
void add_lognormal_benchmark(RunRecord& record, const std::string& name, double center,
                             int processes, int repetitions, double process_sd,
                             double repetition_sd, std::mt19937_64& rng);

}  // namespace benchgate::testing
