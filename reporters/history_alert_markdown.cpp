#include "reporters/history_alert_markdown.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/clean_text.h"
#include "core/text.h"
#include "reporters/markdown_escape.h"
#include "reporters/report_format.h"

namespace benchgate::report {
namespace {

std::string level(double value, double low, double high, const AlertedChange& row) {
  auto one = [&](double v) {
    std::string text = format_value(v, row.metric);
    // format_value shows times as durations from nanoseconds; other units are named.
    if (!row.unit.empty() && row.unit != "ns") text += " " + escape_markdown(row.unit);
    return text;
  };
  return fmt::format("{} [{}, {}]", one(value), one(low), one(high));
}

std::string benchmark_cell(const AlertedChange& row) {
  std::string name = escape_markdown(row.benchmark);
  return row.suite.empty() ? name : fmt::format("{} / {}", escape_markdown(row.suite), name);
}

// A commit link only for a prefix that cannot leave the Markdown link target: https and no
// characters that end it or start markup.
bool safe_url_prefix(const std::string& prefix) {
  return prefix.starts_with("https://") &&
         std::none_of(prefix.begin(), prefix.end(), [](unsigned char c) {
           return c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '<' || c == '>' ||
                  c == '[' || c == ']' || c == '"' || c == '\'' || c == '`' || c == '\\';
         });
}

std::string commit_text(const std::string& commit, const AlertContext& context) {
  // Commit ids come from git (hex); markdown_code keeps even a malformed one inert.
  const std::string shown = markdown_code(short_commit(commit));
  const bool hex =
      !commit.empty() && std::all_of(commit.begin(), commit.end(),
                                     [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (!safe_url_prefix(context.commit_url_prefix) || !hex) return shown;
  return fmt::format("[{}]({}{})", shown, context.commit_url_prefix, commit);
}

std::size_t regressions(const HistoryAlert& alert) {
  return static_cast<std::size_t>(
      std::count_if(alert.changes.begin(), alert.changes.end(),
                    [](const AlertedChange& c) { return c.regression; }));
}

}  // namespace

std::string alert_issue_title(const HistoryAlert& alert, const AlertContext& context) {
  const std::size_t worse = regressions(alert);
  const std::size_t better = alert.changes.size() - worse;
  std::string what = worse > 0 && better > 0 ? "Performance change"
                     : worse > 0             ? "Performance regression"
                                             : "Performance improvement";
  return fmt::format("{} on {}: {} benchmark{} at {}", what, clean_text(context.branch),
                     alert.changes.size(), alert.changes.size() == 1 ? "" : "s",
                     short_commit(alert.first_after));
}

std::string alert_issue_markdown(const HistoryAlert& alert, const AlertContext& context) {
  std::string out = fmt::format("## {}\n\n", escape_markdown(alert_issue_title(alert, context)));
  out += fmt::format(
      "`benchgate history` found a change of level between the jobs of {} and {} on {}: a "
      "change point whose first job after it is among the last {} jobs of its series{}.\n\n",
      commit_text(alert.last_before, context), commit_text(alert.first_after, context),
      markdown_code(context.branch), context.window,
      context.head.empty() ? "" : " (history from " + commit_text(context.head, context) + ")");
  out += "| Benchmark | Metric | Testbed | Change | Before | After | p-value |\n";
  out += "|---|---|---|---|---|---|---|\n";
  for (const auto& row : alert.changes) {
    const HistoryChange& c = row.change;
    out += fmt::format("| {} | {} | {} | {} {} | {} | {} | {} |\n", benchmark_cell(row),
                       escape_markdown(row.metric), escape_markdown(row.testbed),
                       format_change(c.ratio), row.regression ? "regression" : "improvement",
                       level(c.before, c.before_low, c.before_high, row),
                       level(c.after, c.after_low, c.after_high, row), format_p(c.p_value));
  }
  out += fmt::format(
      "\n### Suspect commits\n\nFirst-parent commits after {} up to {}, newest "
      "first:\n\n",
      commit_text(alert.last_before, context), commit_text(alert.first_after, context));
  for (const auto& suspect : alert.suspects)
    out += fmt::format("- {} {}\n", commit_text(suspect.commit, context),
                       escape_markdown(suspect.subject));
  if (alert.suspects_not_listed > 0)
    out += fmt::format("- … and {} more\n", alert.suspects_not_listed);
  if (!alert.suspects_complete)
    out +=
        "\n*The list may be incomplete: the clone that ran `benchgate history` does not hold "
        "the whole range (a shallow clone?).*\n";
  out += fmt::format(
      "\n<sub>Kept up to date by `benchgate history --alert` while the change is among the last "
      "{} jobs; a later run that finds the change again (narrower, or in more benchmarks) "
      "updates this issue. Closing it stops the updates.</sub>\n",
      context.window);
  return out;
}

}  // namespace benchgate::report
