#include "reporters/history_site_data.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/json_writer.h"
#include "reporters/history_json_fields.h"

namespace benchgate::report {
namespace {

// Six significant digits are more than a chart or a tooltip shows, and keep the data of 100
// series x 1,000 points to a few megabytes, which the page parses in tens of milliseconds.
double shown(double value) {
  if (!std::isfinite(value)) return value;
  return std::strtod(fmt::format("{:.6g}", value).c_str(), nullptr);
}

// When the series' latest change happened (its first point's commit time) and how large it is;
// series without a change come last.
struct Recency {
  bool changed = false;
  long long time = 0;
  double size = 0;
};

Recency recency(const HistorySeries& s) {
  if (s.changes.empty() || s.changes.back().index >= s.points.size()) return {};
  const HistoryChange& c = s.changes.back();
  return {true, s.points[c.index].job->commit_time, std::abs(std::log(c.ratio > 0 ? c.ratio : 1))};
}

// The overview's order: latest change most recent first, then largest; unchanged series by name.
std::vector<std::size_t> overview_order(const History& history) {
  std::vector<Recency> keys;
  for (const auto& s : history.series) keys.push_back(recency(s));
  std::vector<std::size_t> order(history.series.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Recency &x = keys[a], &y = keys[b];
    if (x.changed != y.changed) return x.changed;
    if (x.changed && x.time != y.time) return x.time > y.time;
    if (x.changed && x.size != y.size) return x.size > y.size;
    return history.series[a].benchmark < history.series[b].benchmark;
  });
  return order;
}

void write_changes(JsonWriter& w, const HistorySeries& s) {
  w.key("changes").begin_array();
  for (const HistoryChange& c : s.changes) {
    w.begin_object();
    w.key("index").value(c.index);
    w.key("before").value(shown(c.before));
    w.key("before_low").value(shown(c.before_low));
    w.key("before_high").value(shown(c.before_high));
    w.key("after").value(shown(c.after));
    w.key("after_low").value(shown(c.after_low));
    w.key("after_high").value(shown(c.after_high));
    w.key("ratio").value(shown(c.ratio));
    w.key("p_value").value(shown(c.p_value));
    w.key("flamegraph").value(c.flamegraph);
    w.end_object();
  }
  w.end_array();
}

// One series: its names, then parallel arrays (commit index, level, low, high, processes).
void write_series(JsonWriter& w, const HistorySeries& s,
                  std::unordered_map<std::string, std::size_t>& commit_index,
                  std::vector<const HistoryJob*>& commits) {
  w.begin_object();
  w.key("suite").value(s.suite);
  w.key("benchmark").value(s.benchmark);
  w.key("metric").value(s.metric);
  w.key("testbed").value(s.testbed);
  w.key("unit").value(s.unit);
  const auto column = [&](const char* name, auto field) {
    w.key(name).begin_array();
    for (const HistoryPoint& p : s.points) w.value(field(p));
    w.end_array();
  };
  column("c", [&](const HistoryPoint& p) {
    const auto [it, added] = commit_index.emplace(p.job->commit, commits.size());
    if (added) commits.push_back(p.job.get());
    return it->second;
  });
  column("e", [](const HistoryPoint& p) { return shown(p.estimate); });
  column("l", [](const HistoryPoint& p) { return shown(p.low); });
  column("h", [](const HistoryPoint& p) { return shown(p.high); });
  column("n", [](const HistoryPoint& p) { return p.processes; });
  write_changes(w, s);
  w.end_object();
}

}  // namespace

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xe2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
             (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
      out += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string history_site_json(const History& history) {
  JsonWriter w(0);
  w.begin_object();
  write_history_origin(w, history);
  w.key("notes").value(history.notes);
  w.key("order").begin_array();
  for (std::size_t i : overview_order(history)) w.value(i);
  w.end_array();
  std::unordered_map<std::string, std::size_t> commit_index;
  std::vector<const HistoryJob*> commits;
  w.key("series").begin_array();
  for (const HistorySeries& s : history.series) write_series(w, s, commit_index, commits);
  w.end_array();
  // Each commit once ([id, time, subject]): the series of one history share their commits.
  w.key("commits").begin_array();
  for (const HistoryJob* p : commits) {
    w.begin_array().value(p->commit).value(static_cast<double>(p->commit_time));
    w.value(p->subject).end_array();
  }
  w.end_array();
  w.end_object();
  return script_safe_json(w.take());
}

}  // namespace benchgate::report
