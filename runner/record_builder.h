#pragma once
// Accumulates the samples of one result file benchmark by benchmark, in the column layout of
// core/run_record.h, for the ingest readers (gbench, hyperfine, nanobench, Catch2, result lines).
//
// Built for large files (10,000 benchmarks x 30 samples): a benchmark is found by a hash lookup,
// and samples and their metric values go into two flat arrays in the order they come. Only
// finish_into() lays them out per benchmark, each column allocated once at its final size: growing
// five small vectors per benchmark sample by sample cost more than reading the file.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/run_record.h"

namespace benchgate::runner {

class RecordBuilder {
 public:
  // Index of the benchmark called `name`, added in order of first appearance. `created` (when
  // given) says whether this call added it.
  std::size_t benchmark_index(std::string_view name, bool* created = nullptr);
  // Its name, threads and errors; its samples appear in finish_into().
  BenchmarkResult& benchmark(std::size_t index) { return benchmarks_[index]; }
  std::size_t benchmark_count() const { return benchmarks_.size(); }

  // Starts a sample of benchmark `index`; set_metric() then fills in its values.
  void begin_sample(std::size_t index, int process, int repetition, double iterations);
  // Sets `metric` of the sample most recently begun, which must be one of benchmark `index`. A
  // metric a sample does not set stays NaN ("no value"), so columns always line up with the
  // samples.
  void set_metric(std::size_t index, std::string_view metric, double value);
  void add_error(std::size_t index, int process, std::string message);

  // Moves the benchmarks, with their samples, into `record`.
  void finish_into(RunRecord& record);

 private:
  struct Sample {
    std::uint32_t benchmark;
    int process;
    int repetition;
    double iterations;
    std::size_t first_value;  // its values are values_[first_value, next sample's first_value)
  };
  struct Value {
    std::uint32_t metric;  // index into metric_names_
    double value;
  };
  std::uint32_t metric_id(std::string_view metric);

  std::vector<BenchmarkResult> benchmarks_;
  std::size_t last_benchmark_ = 0;          // the one benchmark_index() returned last
  std::vector<std::size_t> sample_counts_;  // per benchmark
  std::vector<Sample> samples_;
  std::vector<Value> values_;
  std::vector<std::string> metric_names_;  // a file has a few: found by a scan from the last one
  std::uint32_t last_metric_ = 0;
  // Looked up by string_view: the readers' names are views of the text they read.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> index_;
};

}  // namespace benchgate::runner
