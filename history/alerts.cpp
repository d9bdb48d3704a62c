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
      if (point.job->commit == commit) return point.job->subject;
  return {};
}

bool has_suspect(const HistoryAlert& alert, const std::string& commit) {
  return std::any_of(alert.suspects.begin(), alert.suspects.end(),
                     [&](const SuspectCommit& s) { return s.commit == commit; });
}

bool overlap(const HistoryAlert& a, const HistoryAlert& b) {
  return std::any_of(a.suspects.begin(), a.suspects.end(),
                     [&](const SuspectCommit& s) { return has_suspect(b, s.commit); });
}

void sort_changes(HistoryAlert& alert) {
  std::stable_sort(
      alert.changes.begin(), alert.changes.end(),
      [](const AlertedChange& a, const AlertedChange& b) { return size_of(a) > size_of(b); });
}

// `from`'s changes and suspects into `into`. Both ranges lie on one first-parent line and share a
// commit, so their union is one range: the newer top, down to the older bottom.
void merge_into(HistoryAlert& into, HistoryAlert from) {
  if (has_suspect(from, into.suspects.front().commit) &&
      !has_suspect(into, from.suspects.front().commit))
    std::swap(into, from);  // `into` keeps the newer top
  for (auto& suspect : from.suspects)
    if (!has_suspect(into, suspect.commit)) {
      into.suspects.push_back(std::move(suspect));
      into.last_before = from.last_before;  // `from` reaches further down
    }
  for (auto& change : from.changes) into.changes.push_back(std::move(change));
  into.suspects_not_listed = std::max(into.suspects_not_listed, from.suspects_not_listed);
  into.suspects_complete = into.suspects_complete && from.suspects_complete;
  sort_changes(into);
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
  for (auto& alert : alerts) sort_changes(alert);
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
  // Series with jobs on different commits can see one change in overlapping ranges; they would
  // find the same issue, so they are one alert.
  for (std::size_t i = 0; i < alerts.size(); ++i)
    for (std::size_t j = i + 1; j < alerts.size();)
      if (overlap(alerts[i], alerts[j])) {
        merge_into(alerts[i], std::move(alerts[j]));
        alerts.erase(alerts.begin() + static_cast<std::ptrdiff_t>(j));
        j = i + 1;  // the merged range may now overlap an alert checked before
      } else {
        ++j;
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
