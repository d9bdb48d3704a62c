#pragma once
// Accumulates the samples of one result file benchmark by benchmark, in the column layout of
// core/run_record.h, for the ingest readers (gbench, hyperfine).
//
// Built for large files (10,000 benchmarks x 30 samples): a benchmark is found by a hash lookup,
// and a sample's metric column by trying first the position the same metric had in the previous
// sample (entries of one tool list their fields in the same order), so no per-sample map lookup.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/run_record.h"

namespace benchgate::runner {

class RecordBuilder {
 public:
  // Index of the benchmark called `name`, added in order of first appearance. `created` (when
  // given) says whether this call added it.
  std::size_t benchmark_index(std::string_view name, bool* created = nullptr);
  BenchmarkResult& benchmark(std::size_t index) { return benchmarks_[index].result; }
  std::size_t benchmark_count() const { return benchmarks_.size(); }

  // Starts a sample of benchmark `index`; set_metric() then fills in its values.
  void begin_sample(std::size_t index, int process, int repetition, double iterations);
  // Sets `metric` of the sample most recently begun for benchmark `index`. A metric this sample
  // does not set stays NaN ("no value"), so columns always line up with the samples.
  void set_metric(std::size_t index, std::string_view metric, double value);
  void add_error(std::size_t index, int process, std::string message);

  // Moves the benchmarks (columns padded to equal length) into `record`.
  void finish_into(RunRecord& record);

 private:
  struct Pending {
    BenchmarkResult result;
    std::vector<std::pair<std::string, std::vector<double>>> columns;
    std::size_t next_column = 0;  // where the next metric of the current sample probably is
  };
  std::vector<double>& column(Pending& pending, std::string_view metric);

  std::vector<Pending> benchmarks_;
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
