#pragma once
// What one stored entry (the records of one commit) contributes to a history, computed from its
// text alone: the records that are not part of the branch and why, and for every other record (a
// job) the level and interval of each benchmark x metric. Pure and thread-safe, so that
// history/collect.cpp reads entries on every core; filing the points into series stays with it.
#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/history_query.h"
#include "stats/analysis_units.h"
#include "store/baseline_origin.h"
#include "store/record_lines.h"

namespace benchgate::history {

struct JobPoint {
  std::string benchmark;
  std::string metric;
  double estimate = 0;  // the job's level: median of its processes' medians
  double low = 0;       // the interval of that level (stats/median_interval.h)
  double high = 0;
  std::size_t processes = 0;
};

// One recorded job's points.
struct JobPoints {
  std::string created_at;
  std::string testbed;
  std::string suite;  // the record's environment.suite; empty when it names none
  std::vector<JobPoint> points;
};

struct EntryPoints {
  std::vector<store::LineProblem> problems;  // unreadable lines, skipped
  std::vector<std::string> passed_over;      // why each record made elsewhere was left out
  std::vector<JobPoints> jobs;               // the others, in the order they were recorded
};

// Measures entries, one at a time; one per thread (it caches which names --benchmark matches).
class EntryMeasurer {
 public:
  EntryMeasurer(const HistoryQuery& query, store::OriginPolicy origin)
      : query_(query), origin_(std::move(origin)) {}

  // The entry `text` of `commit` as Store::read_text gives it.
  EntryPoints measure(const std::string& commit, const std::string& text);

 private:
  bool wanted(const std::string& name);
  void add_point(JobPoints& job, const std::string& benchmark, const std::string& metric,
                 const std::vector<int>& process, const std::vector<double>& values);

  const HistoryQuery& query_;
  store::OriginPolicy origin_;
  stats::ProcessGroups groups_;
  std::vector<std::pair<int, double>> scratch_;
  std::vector<double> medians_;
  std::unordered_map<std::string, bool> matches_;
};

}  // namespace benchgate::history
