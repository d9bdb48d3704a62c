#pragma once
// Synthetic CI jobs for the calibrate tests: a known job-to-job spread.
#include <cmath>
#include <random>
#include <string>

#include "core/run_record.h"

namespace benchgate::testing {

inline constexpr int kBenchmarks = 10;

// One CI job of suite "core": kBenchmarks benchmarks, 5 processes x 3 repetitions. Each job moves
// every benchmark by its own N(0, sigma_job) (plus a common shift of the machine), and
// `regression` multiplies BM_0.
inline RunRecord synthetic_job(const std::string& commit, std::mt19937& rng, double sigma_job,
                               double regression = 1.0) {
  std::normal_distribution<double> normal(0, 1);
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = "tb";
  r.created_at = "2026-12-01T00:00:00Z";
  r.commit = commit;
  r.environment["suite"] = "core";
  for (int p = 0; p < 5; ++p) r.processes.push_back({p, "run", "ok", "", {}});
  const double common = 0.02 * normal(rng);
  for (int b = 0; b < kBenchmarks; ++b) {
    BenchmarkResult result;
    result.name = "BM_" + std::to_string(b);
    double level = std::log(1000.0 * (b + 1)) + common + sigma_job * normal(rng);
    if (b == 0) level += std::log(regression);
    for (int p = 0; p < 5; ++p) {
      const double process = level + 0.003 * normal(rng);
      for (int k = 0; k < 3; ++k) {
        result.process.push_back(p);
        result.repetition.push_back(k);
        result.iterations.push_back(100);
        result.metrics["real_time"].push_back(std::exp(process + 0.001 * normal(rng)));
      }
    }
    r.benchmarks.push_back(std::move(result));
  }
  return r;
}

}  // namespace benchgate::testing
