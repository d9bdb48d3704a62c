#include "history/movers.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "stats/descriptive.h"

namespace benchgate::history {
namespace {

// |log(a / b)|, 0 when either is not a positive number (no log scale to move on).
double log_distance(double a, double b) {
  if (!(a > 0) || !(b > 0) || !std::isfinite(a) || !std::isfinite(b)) return 0;
  return std::abs(std::log(a / b));
}

}  // namespace

Movement movement_of(const HistorySeries& series) {
  Movement m;
  if (!series.changes.empty()) m.recent_change = log_distance(series.changes.back().ratio, 1);
  if (series.points.empty()) return m;
  std::vector<double> levels;
  levels.reserve(series.points.size());
  for (const HistoryPoint& p : series.points) levels.push_back(p.estimate);
  m.last_vs_median = log_distance(series.points.back().estimate, stats::median_in_place(levels));
  return m;
}

void order_worst_movers_first(std::vector<HistorySeries>& series) {
  struct Keyed {
    Movement movement;
    HistorySeries* series;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(series.size());
  for (HistorySeries& s : series) keyed.push_back({movement_of(s), &s});
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    auto name = [](const HistorySeries& s) {
      return std::tie(s.suite, s.benchmark, s.metric, s.testbed);
    };
    if (a.movement.recent_change != b.movement.recent_change)
      return a.movement.recent_change > b.movement.recent_change;
    if (a.movement.last_vs_median != b.movement.last_vs_median)
      return a.movement.last_vs_median > b.movement.last_vs_median;
    return name(*a.series) < name(*b.series);
  });
  std::vector<HistorySeries> sorted;
  sorted.reserve(series.size());
  for (Keyed& k : keyed) sorted.push_back(std::move(*k.series));
  series = std::move(sorted);
}

}  // namespace benchgate::history
