#include <fmt/format.h>

#include "reporters/history_formats.h"

namespace benchgate::report {
namespace {

// One CSV cell. Commit subjects and benchmark names are untrusted: a cell starting with = + - @
// (or a tab or carriage return, which some spreadsheets skip before looking) is run as a formula
// when the file is opened, so it gets a leading ' and is shown as text. Every cell with a comma,
// quote or line break is quoted, quotes doubled (RFC 4180).
std::string cell(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    value = "'";
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

// Numbers as the shortest text that reads back to the same double ("{}" in fmt); never a formula.
std::string number(double value) {
  return fmt::format("{}", value);
}

}  // namespace

std::string format_history_csv(const History& history) {
  std::string out =
      "suite,benchmark,metric,testbed,commit,commit_time,subject,created_at,estimate,low,high,"
      "processes\r\n";
  for (const HistorySeries& s : history.series)
    for (const HistoryPoint& p : s.points)
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\r\n", cell(s.suite),
                         cell(s.benchmark), cell(s.metric), cell(s.testbed), cell(p.job->commit),
                         p.job->commit_time, cell(p.job->subject), cell(p.job->created_at),
                         number(p.estimate), number(p.low), number(p.high), p.processes);
  return out;
}

}  // namespace benchgate::report
