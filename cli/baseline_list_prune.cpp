// `benchgate baseline list` and `baseline prune`: what the store holds, and trimming it.
#include <cstdio>
#include <ctime>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/baseline_actions.h"
#include "core/errors.h"

namespace benchgate::cli {
namespace {

// The commit date when git knows the commit, else the newest record's own timestamp.
std::string date_of(const store::AnnotatedCommit& entry) {
  if (entry.commit_time) {
    std::time_t t = static_cast<std::time_t>(*entry.commit_time);
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(t));
  }
  return entry.newest_record.empty() ? "?" : entry.newest_record;
}

}  // namespace

int run_baseline_list(const BaselineCommon& common) {
  std::unique_ptr<store::Store> store = common.open();
  std::vector<store::AnnotatedCommit> entries = store->list();
  for (const auto& entry : entries) warn_about(entry.problems);
  if (common.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : entries)
      out.push_back({{"commit", e.commit},
                     {"date", date_of(e)},
                     {"testbeds", e.testbeds},
                     {"records", e.record_count},
                     {"benchmarks", e.benchmark_count},
                     {"unreadable_lines", e.problems.size()}});
    fmt::print("{}\n", out.dump(2));
    return kExitPass;
  }
  if (entries.empty()) {
    fmt::print("no baselines in {}\n", store->describe());
    return kExitPass;
  }
  fmt::print("{:<40}  {:<20}  {:>7}  {:>10}  {}\n", "commit", "date", "records", "benchmarks",
             "testbeds");
  for (const auto& e : entries)
    fmt::print("{:<40}  {:<20}  {:>7}  {:>10}  {}\n", e.commit, date_of(e), e.record_count,
               e.benchmark_count, fmt::join(e.testbeds, ", "));
  return kExitPass;
}

int run_baseline_prune(const BaselineCommon& common, std::size_t keep) {
  std::unique_ptr<store::Store> store = common.open();
  std::vector<std::string> removed = store->prune(keep);
  for (const auto& commit : removed) fmt::print("removed {}\n", commit);
  fmt::print("pruned {} commit(s), kept the newest {} in {}\n", removed.size(), keep,
             store->describe());
  return kExitPass;
}

}  // namespace benchgate::cli
