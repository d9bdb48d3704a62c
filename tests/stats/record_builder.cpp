#include "tests/stats/record_builder.h"

#include <cmath>

namespace benchgate::testing {

void add_process(RunRecord& record, const std::string& name, int process,
                 const std::vector<double>& values, const std::string& metric) {
  BenchmarkResult& b = record.find_or_add(name);
  auto& column = b.metrics[metric];
  for (double v : values) {
    b.process.push_back(process);
    b.repetition.push_back(static_cast<int>(b.repetition.size()));
    b.iterations.push_back(1000);
    column.push_back(v);
  }
}

void add_lognormal_benchmark(RunRecord& record, const std::string& name, double center,
                             int processes, int repetitions, double process_sd,
                             double repetition_sd, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  std::vector<double> values(static_cast<std::size_t>(repetitions));
  for (int p = 0; p < processes; ++p) {
    const double level = center * std::exp(process_sd * normal(rng));
    for (double& v : values) v = level * std::exp(repetition_sd * normal(rng));
    add_process(record, name, p, values);
  }
}

}  // namespace benchgate::testing
