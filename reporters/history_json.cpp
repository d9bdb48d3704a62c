#include <algorithm>

#include "core/json_writer.h"
#include "reporters/history_formats.h"
#include "reporters/history_json_fields.h"

namespace benchgate::report {
namespace {

void write_point(JsonWriter& w, const HistoryPoint& p) {
  w.begin_object();
  w.key("commit").value(p.job->commit);
  // Whole seconds as an integer; a time before 1970 is not a commit time git writes.
  w.key("commit_time").value(static_cast<std::size_t>(std::max(p.job->commit_time, 0LL)));
  w.key("subject").value(p.job->subject);
  w.key("created_at").value(p.job->created_at);
  w.key("estimate").value(p.estimate);
  w.key("low").value(p.low);
  w.key("high").value(p.high);
  w.key("processes").value(p.processes);
  w.key("has_profile").value(p.has_profile);
  w.end_object();
}

void write_change(JsonWriter& w, const HistoryChange& c) {
  w.begin_object();
  w.key("index").value(c.index);
  w.key("last_before").value(c.last_before);
  w.key("first_after").value(c.first_after);
  w.key("before").value(c.before);
  w.key("before_low").value(c.before_low);
  w.key("before_high").value(c.before_high);
  w.key("after").value(c.after);
  w.key("after_low").value(c.after_low);
  w.key("after_high").value(c.after_high);
  w.key("ratio").value(c.ratio);
  w.key("p_value").value(c.p_value);
  w.key("flamegraph").value(c.flamegraph);
  w.end_object();
}

void write_series(JsonWriter& w, const HistorySeries& s) {
  w.begin_object();
  w.key("suite").value(s.suite);
  w.key("benchmark").value(s.benchmark);
  w.key("metric").value(s.metric);
  w.key("testbed").value(s.testbed);
  w.key("unit").value(s.unit);
  w.key("points").begin_array();
  for (const HistoryPoint& p : s.points) write_point(w, p);
  w.end_array();
  w.key("changes").begin_array();
  for (const HistoryChange& c : s.changes) write_change(w, c);
  w.end_array();
  w.end_object();
}

}  // namespace

void write_history_origin(JsonWriter& w, const History& history) {
  w.key("branch").value(history.branch);
  w.key("head").value(history.head);
  w.key("store").value(history.store);
  w.key("commit_url_prefix").value(history.commit_url_prefix);
  w.key("commits_walked").value(history.commits_walked);
  w.key("shallow").value(history.shallow);
}

std::string format_history_json(const History& history) {
  JsonWriter w;
  w.begin_object();
  write_history_origin(w, history);
  w.key("detection").begin_object();
  w.key("window").value(history.detection.window);
  w.key("min_segment").value(history.detection.min_segment);
  w.key("min_magnitude").value(history.detection.min_magnitude);
  w.key("max_p_value").value(history.detection.max_p_value);
  w.end_object();
  w.key("notes").value(history.notes);
  w.key("series").begin_array();
  for (const HistorySeries& s : history.series) write_series(w, s);
  w.end_array();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace benchgate::report
