#include "runner/record_builder.h"

#include <cmath>
#include <stdexcept>

namespace benchgate::runner {

std::size_t RecordBuilder::benchmark_index(std::string_view name, bool* created) {
  const auto found = index_.find(name);
  if (created) *created = found == index_.end();
  if (found != index_.end()) return found->second;
  index_.emplace(std::string(name), benchmarks_.size());
  benchmarks_.emplace_back();
  benchmarks_.back().result.name = name;
  return benchmarks_.size() - 1;
}

void RecordBuilder::begin_sample(std::size_t index, int process, int repetition,
                                 double iterations) {
  Pending& p = benchmarks_[index];
  p.result.process.push_back(process);
  p.result.repetition.push_back(repetition);
  p.result.iterations.push_back(iterations);
  p.next_column = 0;
}

std::vector<double>& RecordBuilder::column(Pending& p, std::string_view metric) {
  // Fast path: the fields of consecutive entries come in the same order.
  if (p.next_column < p.columns.size() && p.columns[p.next_column].first == metric)
    return p.columns[p.next_column++].second;
  for (std::size_t i = 0; i < p.columns.size(); ++i)
    if (p.columns[i].first == metric) {
      p.next_column = i + 1;
      return p.columns[i].second;
    }
  p.columns.emplace_back(std::string(metric), std::vector<double>{});
  p.next_column = p.columns.size();
  return p.columns.back().second;
}

void RecordBuilder::set_metric(std::size_t index, std::string_view metric, double value) {
  Pending& p = benchmarks_[index];
  const std::size_t sample = p.result.sample_count() - 1;
  std::vector<double>& values = column(p, metric);
  // Earlier samples that lacked this metric get NaN.
  if (values.size() > sample)
    throw std::logic_error("RecordBuilder: metric " + std::string(metric) +
                           " set twice for one sample");
  values.resize(sample, std::nan(""));
  values.push_back(value);
}

void RecordBuilder::add_error(std::size_t index, int process, std::string message) {
  benchmarks_[index].result.errors.push_back({process, std::move(message)});
}

void RecordBuilder::finish_into(RunRecord& record) {
  record.benchmarks.reserve(record.benchmarks.size() + benchmarks_.size());
  for (Pending& p : benchmarks_) {
    const std::size_t samples = p.result.sample_count();
    for (auto& [name, values] : p.columns) {
      values.resize(samples, std::nan(""));
      p.result.metrics.emplace(std::move(name), std::move(values));
    }
    record.benchmarks.push_back(std::move(p.result));
  }
  benchmarks_.clear();
  index_.clear();
}

}  // namespace benchgate::runner
