#include "core/calibration.h"

namespace benchgate {

const CalibrationBenchmark* CalibrationSuite::find(const std::string& benchmark) const {
  for (const auto& b : benchmarks)
    if (b.name == benchmark) return &b;
  return nullptr;
}

const CalibrationSuite* Calibration::find(const std::string& suite) const {
  for (const auto& s : suites)
    if (s.name == suite) return &s;
  return nullptr;
}

}  // namespace benchgate
