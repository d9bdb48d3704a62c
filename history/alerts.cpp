#include "history/alerts.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/comparison.h"
#include "core/errors.h"
#include "forge/sticky_comment.h"
#include "git/commit_range.h"

namespace benchgate::history {
namespace {

bool is_regression(const HistorySeries& series, const HistoryChange& change) {
  const bool went_up = change.ratio > 1;
  return higher_is_better_by_name(series.metric) ? !went_up : went_up;
}

// How big a change is, either direction: 0.5 and 2 are the same size.
double size_of(const AlertedChange& alerted) {
  return std::fabs(std::log(alerted.change.ratio));
}

std::string subject_in_history(const History& history, const std::string& commit) {
  for (const auto& series : history.series)
    for (const auto& point : series.points)
      if (point.commit == commit) return point.subject;
  return {};
}

}  // namespace

void check_alert_settings(const AlertSettings& settings) {
  if (settings.window == 0) throw InputError("--alert-window: must be at least 1 job");
  if (settings.max_suspects == 0) throw InputError("alert suspects: must be at least 1");
}

std::vector<HistoryAlert> find_alerts(const History& history, const AlertSettings& settings) {
  check_alert_settings(settings);
  std::vector<HistoryAlert> alerts;
  for (const auto& series : history.series) {
    const std::size_t points = series.points.size();
    const std::size_t first_recent = points > settings.window ? points - settings.window : 0;
    for (const auto& change : series.changes) {
      if (change.index < first_recent || change.index >= points) continue;
      const bool regression = is_regression(series, change);
      if (!regression && !settings.improvements) continue;
      auto alert = std::find_if(alerts.begin(), alerts.end(), [&](const HistoryAlert& a) {
        return a.last_before == change.last_before && a.first_after == change.first_after;
      });
      if (alert == alerts.end()) {
        alerts.push_back({change.last_before, change.first_after, {}, {}, 0, true});
        alert = alerts.end() - 1;
      }
      alert->changes.push_back({series.suite, series.benchmark, series.metric, series.testbed,
                                series.unit, change, regression});
    }
  }
  for (auto& alert : alerts)
    std::stable_sort(
        alert.changes.begin(), alert.changes.end(),
        [](const AlertedChange& a, const AlertedChange& b) { return size_of(a) > size_of(b); });
  return alerts;
}

void add_suspects(std::vector<HistoryAlert>& alerts, const History& history,
                  const git::Repository& repo, std::size_t max_suspects) {
  for (auto& alert : alerts) {
    git::FirstParentRange range =
        git::first_parent_range(repo, alert.last_before, alert.first_after, max_suspects);
    alert.suspects.clear();
    for (auto& commit : range.commits)
      alert.suspects.push_back({std::move(commit.commit), std::move(commit.subject)});
    alert.suspects_not_listed = range.not_listed;
    alert.suspects_complete = range.complete;
    // The commit whose job shows the new level is a suspect whatever the clone holds.
    if (alert.suspects.empty())
      alert.suspects.push_back({alert.first_after, subject_in_history(history, alert.first_after)});
  }
}

std::vector<std::string> alert_markers(const HistoryAlert& alert) {
  std::vector<std::string> markers;
  for (const auto& suspect : alert.suspects)
    markers.push_back(forge::sticky_marker("alert:" + suspect.commit));
  if (markers.empty()) markers.push_back(forge::sticky_marker("alert:" + alert.first_after));
  return markers;
}

}  // namespace benchgate::history
