#include "ab/ab_pairing.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "stats/descriptive.h"

namespace benchgate::ab {
namespace {

void add_failures(RunRecord& record, const AbRound& round, const std::string& side) {
  for (const auto& failure : round.failures) {
    if (failure.context.value(nlohmann::json::json_pointer("/benchgate_ab/side"), "") != side)
      continue;
    ProcessInfo info = failure;
    info.id = static_cast<int>(record.processes.size());
    record.notes.push_back(fmt::format("round {}: {} process {} failed: {}", round.round, side,
                                       info.id, info.message));
    record.processes.push_back(std::move(info));
  }
}

void add_missing(RunRecord& record, const AbRound& round, const std::string& side) {
  ProcessInfo info;
  info.id = static_cast<int>(record.processes.size());
  info.status = "missing";
  info.message =
      fmt::format("round {}: every attempt failed; no {} result for this round", round.round, side);
  info.context["benchgate_ab"] = {{"side", side}, {"round", round.round}};
  record.notes.push_back(info.message);
  record.processes.push_back(std::move(info));
}

// Median of `metric` for `name` in a one-process record, or NaN.
double process_median(const RunRecord& record, const std::string& name, const std::string& metric) {
  const BenchmarkResult* b = record.find(name);
  const std::vector<double>* values = b ? b->metric(metric) : nullptr;
  return values && !values->empty() ? stats::median(*values) : std::nan("");
}

}  // namespace

AbRecords assemble_records(const std::vector<AbRound>& rounds, const RunRecord& base_common,
                           const RunRecord& head_common) {
  AbRecords out;
  out.base = out.base_paired = base_common;
  out.head = out.head_paired = head_common;
  for (const AbRound& round : rounds) {
    add_failures(out.base, round, "base");
    add_failures(out.head, round, "head");
    if (round.base)
      merge_records(out.base, *round.base);
    else
      add_missing(out.base, round, "base");
    if (round.head)
      merge_records(out.head, *round.head);
    else
      add_missing(out.head, round, "head");
    if (round.paired()) {
      merge_records(out.base_paired, *round.base);
      merge_records(out.head_paired, *round.head);
    } else if (round.complete()) {
      out.excluded_rounds.push_back(round.round);
    } else {
      out.incomplete_rounds.push_back(round.round);
    }
  }
  return out;
}

std::vector<stats::PairedSeries> paired_series(
    const std::vector<AbRound>& rounds, const std::string& metric,
    const std::function<double(std::string_view)>& threshold_for) {
  std::vector<stats::PairedSeries> series;
  std::map<std::string, std::size_t> index;
  for (const AbRound& round : rounds) {
    if (!round.paired()) continue;
    for (const BenchmarkResult& b : round.base->benchmarks) {
      const double base = process_median(*round.base, b.name, metric);
      const double head = process_median(*round.head, b.name, metric);
      if (!(base > 0) || !(head > 0)) continue;  // absent on a side, or no usable value
      auto [it, added] = index.emplace(b.name, series.size());
      if (added)
        series.push_back({.name = b.name, .rounds = {}, .threshold = threshold_for(b.name)});
      series[it->second].rounds.push_back(
          {.round = round.round, .base = base, .head = head, .head_second = round.base_first});
    }
  }
  return series;
}

}  // namespace benchgate::ab
