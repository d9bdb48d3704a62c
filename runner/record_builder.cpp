#include "runner/record_builder.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace benchgate::runner {

std::size_t RecordBuilder::benchmark_index(std::string_view name, bool* created) {
  // Repetitions of a benchmark come one after another, and the files of one side list the
  // benchmarks in the same order: most lookups need no hash.
  for (const std::size_t guess : {last_benchmark_, last_benchmark_ + 1})
    if (guess < benchmarks_.size() && benchmarks_[guess].name == name) {
      if (created) *created = false;
      return last_benchmark_ = guess;
    }
  if (const auto found = index_.find(name); found != index_.end()) {
    if (created) *created = false;
    return last_benchmark_ = found->second;
  }
  if (created) *created = true;
  index_.emplace(std::string(name), benchmarks_.size());
  benchmarks_.emplace_back();
  benchmarks_.back().name = name;
  sample_counts_.push_back(0);
  return last_benchmark_ = benchmarks_.size() - 1;
}

void RecordBuilder::begin_sample(std::size_t index, int process, int repetition,
                                 double iterations) {
  samples_.push_back(
      {static_cast<std::uint32_t>(index), process, repetition, iterations, values_.size()});
  ++sample_counts_[index];
}

std::uint32_t RecordBuilder::metric_id(std::string_view metric) {
  // Entries of one tool list their fields in the same order: the next metric is usually the one
  // after the last.
  const auto count = static_cast<std::uint32_t>(metric_names_.size());
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::uint32_t id = (last_metric_ + 1 + k) % count;
    if (metric_names_[id] == metric) return last_metric_ = id;
  }
  metric_names_.emplace_back(metric);
  return last_metric_ = count;
}

void RecordBuilder::set_metric(std::size_t index, std::string_view metric, double value) {
  if (samples_.empty() || samples_.back().benchmark != index)
    throw std::logic_error("RecordBuilder: set_metric for a sample not begun last");
  values_.push_back({metric_id(metric), value});
}

void RecordBuilder::add_error(std::size_t index, int process, std::string message) {
  benchmarks_[index].errors.push_back({process, std::move(message)});
}

void RecordBuilder::finish_into(RunRecord& record) {
  for (std::size_t b = 0; b < benchmarks_.size(); ++b) {
    benchmarks_[b].process.reserve(sample_counts_[b]);
    benchmarks_[b].repetition.reserve(sample_counts_[b]);
    benchmarks_[b].iterations.reserve(sample_counts_[b]);
  }
  // The column of (benchmark, metric), made at its final size (NaN) when first set.
  const std::size_t metrics = metric_names_.size();
  std::vector<std::vector<double>*> columns(benchmarks_.size() * metrics, nullptr);
  for (std::size_t s = 0; s < samples_.size(); ++s) {
    const Sample& sample = samples_[s];
    BenchmarkResult& result = benchmarks_[sample.benchmark];
    const std::size_t position = result.process.size();
    result.process.push_back(sample.process);
    result.repetition.push_back(sample.repetition);
    result.iterations.push_back(sample.iterations);
    const std::size_t end = s + 1 < samples_.size() ? samples_[s + 1].first_value : values_.size();
    for (std::size_t v = sample.first_value; v < end; ++v) {
      std::vector<double>*& column = columns[sample.benchmark * metrics + values_[v].metric];
      if (!column) {
        column = &result.metrics[metric_names_[values_[v].metric]];
        column->assign(sample_counts_[sample.benchmark], std::numeric_limits<double>::quiet_NaN());
      }
      if (!std::isnan((*column)[position]))
        throw std::logic_error("RecordBuilder: metric " + metric_names_[values_[v].metric] +
                               " set twice for one sample");
      (*column)[position] = values_[v].value;
    }
  }
  record.benchmarks.reserve(record.benchmarks.size() + benchmarks_.size());
  for (BenchmarkResult& result : benchmarks_) record.benchmarks.push_back(std::move(result));
  *this = RecordBuilder{};
}

}  // namespace benchgate::runner
