#pragma once
// `benchgate compare` of results already on disk
// (docs/statistics.md#stored-mode-the-job-is-a-unit): two records of one interleaved job share its
// machine state and are compared process by process; anything else is a job per side, judged with
// the job as the unit, which needs the job-to-job spread of a calibration (`--calibration FILE`)
// before a regression can block.
#include <string>
#include <vector>

#include "core/comparison.h"
#include "core/run_record.h"
#include "stats/compare.h"

namespace benchgate::gate {

struct CompareSides {
  RunRecord base;                    // every base job pooled
  std::vector<RunRecord> base_jobs;  // the stored jobs `base` pools; empty: `base` is one job
  RunRecord head;
};

// `calibration_file` may be empty; `suite` picks the calibration's suite (empty: head's suite, or
// the calibration's only one). InputError for an unusable calibration.
Comparison compare_sides(const CompareSides& sides, stats::CompareOptions options,
                         const std::string& calibration_file, const std::string& suite);

}  // namespace benchgate::gate
