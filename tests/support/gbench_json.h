#pragma once
// One Google Benchmark repetition entry, as `--benchmark_format=json` writes it: the tests that
// write result files by hand (the gate fixture, the CLI tests) build their files from it.
#include <string>

#include <nlohmann/json.hpp>

namespace benchgate::testing {

inline nlohmann::json gbench_repetition(const std::string& name, int index, int repetitions,
                                        double ns) {
  return {{"name", name},
          {"run_name", name},
          {"run_type", "iteration"},
          {"repetitions", repetitions},
          {"repetition_index", index},
          {"threads", 1},
          {"iterations", 1000},
          {"real_time", ns},
          {"cpu_time", ns},
          {"time_unit", "ns"}};
}

}  // namespace benchgate::testing
