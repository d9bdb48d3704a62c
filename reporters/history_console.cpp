#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/clean_text.h"
#include "reporters/history_formats.h"
#include "reporters/report_format.h"

namespace benchgate::report {
namespace {

// The sparkline shows this many of the most recent points: enough to see a step, short enough
// for one line of a terminal.
constexpr std::size_t kSparkPoints = 40;

std::string short_id(const std::string& commit) {
  return commit.substr(0, 12);
}

// The last points as ▁..█, scaled from their smallest to their largest level.
std::string sparkline(const std::vector<HistoryPoint>& points) {
  static constexpr const char* kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  const std::size_t first = points.size() > kSparkPoints ? points.size() - kSparkPoints : 0;
  double low = INFINITY, high = -INFINITY;
  for (std::size_t i = first; i < points.size(); ++i) {
    low = std::min(low, points[i].estimate);
    high = std::max(high, points[i].estimate);
  }
  std::string out;
  for (std::size_t i = first; i < points.size(); ++i) {
    const double span = high - low;
    const double at = span > 0 ? (points[i].estimate - low) / span : 0;
    out += kBars[std::clamp(static_cast<int>(std::lround(at * 7)), 0, 7)];
  }
  return out;
}

std::string series_name(const HistorySeries& s) {
  std::string name = s.suite.empty() ? s.benchmark : s.suite + "/" + s.benchmark;
  return clean_text(name);
}

// Pads clean text to `width` terminal columns.
std::string padded(const std::string& clean, std::size_t width) {
  const std::size_t shown = display_width(clean);
  return shown >= width ? clean : clean + std::string(width - shown, ' ');
}

// The widths of the name, metric and testbed columns, so that the sparklines line up.
struct Columns {
  std::size_t name = 0, metric = 0, testbed = 0;
};

Columns columns_of(const History& history) {
  Columns c;
  for (const HistorySeries& s : history.series) {
    c.name = std::max(c.name, display_width(series_name(s)));
    c.metric = std::max(c.metric, display_width(clean_text(s.metric)));
    c.testbed = std::max(c.testbed, display_width(clean_text(s.testbed)));
  }
  return c;
}

std::string series_line(const HistorySeries& s, const Columns& columns) {
  const HistoryPoint& last = s.points.back();
  std::string line = fmt::format(
      "{}  {}  {}  {}  last {} [{}, {}]  vs first {}  ({} job{})",
      padded(series_name(s), columns.name), padded(clean_text(s.metric), columns.metric),
      padded(clean_text(s.testbed), columns.testbed), sparkline(s.points),
      report::format_value(last.estimate, s.metric), report::format_value(last.low, s.metric),
      report::format_value(last.high, s.metric),
      report::format_change(last.estimate / s.points.front().estimate), s.points.size(),
      s.points.size() == 1 ? "" : "s");
  if (!s.changes.empty())
    line += fmt::format("  last change {}", report::format_change(s.changes.back().ratio));
  return line + "\n";
}

// The suspects of a change are the commits after last_before up to first_after: X..Y as in git.
std::string change_line(const HistorySeries& s, const HistoryChange& c) {
  return fmt::format("    change {} at {}..{}  {} -> {}  p {}\n", report::format_change(c.ratio),
                     short_id(c.last_before), short_id(c.first_after),
                     report::format_value(c.before, s.metric),
                     report::format_value(c.after, s.metric), report::format_p(c.p_value));
}

}  // namespace

std::string format_history_console(const History& history) {
  std::string out = fmt::format(
      "history of {} at {}: {} commit(s) walked, {} series, from {}\n"
      "change points: window {}, min segment {}, min magnitude {}, max p-value {}\n",
      clean_text(history.branch), short_id(history.head), history.commits_walked,
      history.series.size(), clean_text(history.store), history.detection.window,
      history.detection.min_segment, report::format_percent(history.detection.min_magnitude),
      history.detection.max_p_value);
  for (const std::string& note : history.notes) out += "note: " + clean_text(note) + "\n";
  if (history.series.empty()) return out + "no recorded jobs on this history\n";
  out += "\n";
  const Columns columns = columns_of(history);
  for (const HistorySeries& s : history.series) {
    if (s.points.empty()) continue;
    out += series_line(s, columns);
    for (auto c = s.changes.rbegin(); c != s.changes.rend(); ++c) out += change_line(s, *c);
  }
  return out;
}

}  // namespace benchgate::report
