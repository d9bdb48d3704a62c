#include "history/change_detection.h"

#include <cmath>
#include <vector>

namespace benchgate::history {

bool detect_changes(HistorySeries& series, const stats::ChangePointSettings& settings) {
  series.changes.clear();
  std::vector<double> logs;
  logs.reserve(series.points.size());
  for (const HistoryPoint& point : series.points) {
    if (!(point.estimate > 0) || !std::isfinite(point.estimate)) return false;
    logs.push_back(std::log(point.estimate));
  }
  for (const stats::ChangePoint& found : stats::detect_change_points(logs, settings)) {
    if (found.index == 0 || found.index >= series.points.size()) continue;  // not a change
    HistoryChange change;
    change.index = found.index;
    change.last_before = series.points[found.index - 1].job->commit;
    change.first_after = series.points[found.index].job->commit;
    change.before = std::exp(found.before);
    change.before_low = std::exp(found.before_low);
    change.before_high = std::exp(found.before_high);
    change.after = std::exp(found.after);
    change.after_low = std::exp(found.after_low);
    change.after_high = std::exp(found.after_high);
    change.ratio = std::exp(found.after - found.before);
    change.p_value = found.p_value;
    series.changes.push_back(std::move(change));
  }
  return true;
}

}  // namespace benchgate::history
