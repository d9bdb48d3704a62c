#pragma once
// A generated repository for `benchgate bisect` tests: every commit holds a fake Google Benchmark
// program (a shell script, built by [build] command into build/bench) whose BM_Hunted takes
// 1000 ns x the factor in the commit's `factor` file, and BM_Steady 2000 ns, each times lognormal
// noise drawn per process (2%) and per repetition (0.5%) from a seed of the process id and the
// clock. Real processes and real builds; only the timings are synthetic, so that a 10% culprit
// stands out reliably on a noisy machine.
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace benchgate::testing {

class BisectRepo {
 public:
  // `factors[i]` is commit i's factor; commit 0 adds the program and benchgate.toml.
  // `build_prefix` runs before the build proper (e.g. a sleep).
  BisectRepo(const std::filesystem::path& dir, const std::vector<double>& factors,
             const std::string& build_prefix = "");
  const std::filesystem::path& path() const { return dir_; }
  const std::vector<std::string>& commits() const { return commits_; }

 private:
  std::filesystem::path dir_;
  std::vector<std::string> commits_;
};

}  // namespace benchgate::testing
