#pragma once
// The steps of gate/calibrate.h, one file each: the stored history, the interleaved A/A, and the
// suggestions drawn from both.
#include <string>

#include "core/calibration.h"
#include "gate/calibrate.h"

namespace benchgate::gate {

// Fills `out.suites` (stored figures), out.stored_pairs / stored_failed_pairs and
// out.benchmarks_in_gate from the recorded jobs of the first-parent history of `tip`. Returns the
// recorded jobs found over all suites.
std::size_t calibrate_history(const CalibrateSettings& settings, const std::string& tip,
                              Calibration& out);

// Runs the A/A of every Google Benchmark suite and adds its figures to `out.suites`.
void calibrate_interleaved(const CalibrateSettings& settings, Calibration& out);

// The smallest δ that `rounds` paired rounds gate with 80% power, for a round-to-round SD of
// `round_sd` measured over `measured` rounds; +inf when no δ below 100% can be.
double interleaved_gateable(double round_sd, std::size_t measured, int rounds, double alpha,
                            std::size_t family);

// out.suggestions and out.toml_snippet from the figures.
void add_suggestions(const CalibrateSettings& settings, Calibration& out);

}  // namespace benchgate::gate
