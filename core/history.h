#pragma once
// The history of a branch as plain data (docs/history.md): for each benchmark x metric x testbed,
// the recorded jobs along the first-parent history, oldest first, and the change points found in
// them. Built by history/, written by reporters/ (console, JSON, CSV, the HTML site) and read by
// the alerts; nothing here computes.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace benchgate {

// One recorded job: the commit it measured and when it ran. Every point of the job (one per
// benchmark x metric) shares it, so a history of 10,000 jobs x 100 benchmarks holds 10,000 copies
// of each commit's id and subject, not a million (docs/history.md#speed).
struct HistoryJob {
  std::string commit;         // full commit id
  long long commit_time = 0;  // committer time, seconds since the epoch
  std::string subject;        // first line of the commit message (untrusted text)
  std::string created_at;     // when the job was recorded (ISO 8601 UTC)
};

// One recorded job of one benchmark on one commit.
struct HistoryPoint {
  std::shared_ptr<const HistoryJob> job;  // never null
  double estimate = 0;                    // the job's level: median of its processes' medians
  double low = 0;                         // the interval of that level (docs/history.md#the-points)
  double high = 0;
  std::size_t processes = 0;  // processes behind the level
  bool has_profile = false;   // a profile is stored for this commit and testbed
};

// A change of level between points[index - 1] and points[index].
struct HistoryChange {
  std::size_t index = 0;    // first point after the change
  std::string last_before;  // commit of points[index - 1]
  std::string first_after;  // commit of points[index]; the suspects are (last_before, first_after]
  double before = 0;        // levels of the segments either side (metric units)
  double before_low = 0;
  double before_high = 0;
  double after = 0;
  double after_low = 0;
  double after_high = 0;
  double ratio = 1;  // after / before
  double p_value = 1;
  // The differential flame graph across the change (relative path inside a written site), when
  // both sides have a stored profile; empty otherwise.
  std::string flamegraph;
};

struct HistorySeries {
  std::string suite;  // empty for records that name no suite
  std::string benchmark;
  std::string metric;  // real_time, cpu_time, a counter, instructions
  std::string testbed;
  std::string unit;                    // of estimate/low/high, e.g. "ns"; empty when unitless
  std::vector<HistoryPoint> points;    // oldest first
  std::vector<HistoryChange> changes;  // oldest first
};

// The change-point settings a history was made with, printed with it.
struct HistoryDetection {
  std::size_t window = 0;
  std::size_t min_segment = 0;
  double min_magnitude = 0;  // relative, e.g. 0.02 for 2%
  double max_p_value = 0;
};

struct History {
  std::string branch;  // e.g. "main"
  std::string head;    // commit the walk started from
  std::string store;   // Store::describe()
  // Prefix of a commit's web page, e.g. "https://github.com/o/r/commit/"; empty when unknown.
  std::string commit_url_prefix;
  std::size_t commits_walked = 0;
  bool shallow = false;  // the walk stopped at the edge of a shallow clone
  HistoryDetection detection;
  std::vector<HistorySeries> series;
  std::vector<std::string> notes;  // things a reader must know (unreadable lines, skipped records)
};

}  // namespace benchgate
