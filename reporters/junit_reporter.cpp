// JUnit XML, as GitLab (artifacts:reports:junit) and most CI servers read it: one <testcase> per
// benchmark, classname = the metric, name = the benchmark.
//
// Outcomes (docs/reports.md#junit):
//   <failure>  a regression that counts towards the gate (blocks_gate). --fail-on never changes
//              the exit code, not this report: the regression is still shown as failed.
//   <skipped>  what could not be judged: an unconfirmed (single-run) regression, untested, new,
//              missing. Its message says why.
//   passed     improvement, unchanged, inconclusive; the explanation is in <system-out>.
// Every testcase carries the row's figures as <properties> for tools that read them.
#include <cmath>

#include <fmt/format.h>

#include "core/text.h"
#include "reporters/builtin_reporters.h"
#include "reporters/report_format.h"

namespace benchgate::report {
namespace {

enum class Outcome { kPassed, kFailed, kSkipped };

Outcome outcome_of(const BenchmarkComparison& row, const CompareSettings& settings) {
  if (blocks_gate(row, settings)) return Outcome::kFailed;
  const bool not_judged = is_unconfirmed_regression(row, settings) ||
                          row.verdict == Verdict::kUntested || row.verdict == Verdict::kNew ||
                          row.verdict == Verdict::kMissing;
  return not_judged ? Outcome::kSkipped : Outcome::kPassed;
}

std::string property(std::string_view name, std::string_view value, std::string_view indent) {
  return fmt::format("{}<property name=\"{}\" value=\"{}\"/>\n", indent, escape_xml(name),
                     escape_xml(value));
}

// "regression (unconfirmed): +7.3% [+2.1%, +12.0%], p (Holm) = 0.003"
std::string outcome_message(const BenchmarkComparison& row, const CompareSettings& settings) {
  std::string message = verdict_label(row, settings);
  std::vector<std::string> figures;
  if (!std::isnan(row.ratio)) figures.push_back(format_change_with_interval(row));
  if (row.p_adjusted) figures.push_back("p (Holm) = " + format_p(row.p_adjusted));
  if (!figures.empty()) message += ": " + join(figures, ", ");
  return message;
}

// The row's explanation, one escaped line per fact (escape_xml alone would fold the lines).
std::string escaped_details(const BenchmarkComparison& row, bool mark_single_run) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("base {} (n = {}), head {} (n = {}), {}", base_value(row), row.base_n,
                              head_value(row), row.head_n, to_string(row.unit)));
  if (auto markers = row_markers(row, mark_single_run); !markers.empty())
    lines.push_back(join(markers, ", "));
  for (auto& text : row_explanations(row, true)) lines.push_back(std::move(text));
  for (auto& line : lines) line = escape_xml(line);
  return join(lines, "\n");
}

std::string row_properties(const BenchmarkComparison& row, const std::string& more) {
  constexpr std::string_view kIndent = "        ";
  std::string out = "      <properties>\n";
  out += property("verdict", to_string(row.verdict), kIndent);
  out += property("ratio", fmt::format("{}", row.ratio), kIndent);
  out += property("ci_low", fmt::format("{}", row.ci_low), kIndent);
  out += property("ci_high", fmt::format("{}", row.ci_high), kIndent);
  if (row.p_value) out += property("p_value", fmt::format("{}", *row.p_value), kIndent);
  if (row.p_adjusted) out += property("p_adjusted", fmt::format("{}", *row.p_adjusted), kIndent);
  out += property("cv_base", fmt::format("{}", row.cv_base), kIndent);
  out += property("cv_head", fmt::format("{}", row.cv_head), kIndent);
  out += property("base_n", fmt::format("{}", row.base_n), kIndent);
  out += property("head_n", fmt::format("{}", row.head_n), kIndent);
  return out + more + "      </properties>\n";
}

// Where the time went, as properties a tool can read and one line of the details.
std::string profile_properties(const ProfileFinding& f) {
  constexpr std::string_view kIndent = "        ";
  std::string out;
  if (!f.svg_file.empty()) out += property("profile_svg", f.svg_file, kIndent);
  out += property("profile_differential", f.differential() ? "true" : "false", kIndent);
  if (f.deltas)
    for (const auto& d : f.deltas->top)
      out += property("profile_function", fmt::format("{:+.2f} pp {}", d.delta_points, d.name),
                      kIndent);
  return out;
}

std::string profile_line(const ProfileFinding& f) {
  std::vector<std::string> parts;
  if (f.deltas)
    for (std::size_t i = 0; i < f.deltas->top.size() && i < 3; ++i)
      parts.push_back(
          fmt::format("{} {:+.2f} pp", f.deltas->top[i].name, f.deltas->top[i].delta_points));
  return escape_xml(fmt::format("where the time went{}: {}",
                                f.svg_file.empty() ? "" : " (" + f.svg_file + ")",
                                parts.empty() ? "head only" : join(parts, ", ")));
}

std::string testcase(const BenchmarkComparison& row, const CompareSettings& settings,
                     bool mark_single_run, const ProfileFinding* finding) {
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n",
                                escape_xml(row.metric), escape_xml(row.name));
  out += row_properties(row, finding ? profile_properties(*finding) : std::string());
  // GitLab shows the text of <failure>/<skipped> as the test's details and ignores <system-out>
  // (other servers show it), so the details go into whichever element the outcome has.
  const std::string message = escape_xml(outcome_message(row, settings));
  std::string text = escaped_details(row, mark_single_run);
  if (finding) text += "\n" + profile_line(*finding);
  switch (outcome_of(row, settings)) {
    case Outcome::kFailed:
      out += fmt::format("      <failure type=\"regression\" message=\"{}\">{}</failure>\n",
                         message, text);
      break;
    case Outcome::kSkipped:
      out += fmt::format("      <skipped message=\"{}\">{}</skipped>\n", message, text);
      break;
    case Outcome::kPassed:
      out += fmt::format("      <system-out>{}\n{}</system-out>\n", message, text);
      break;
  }
  return out + "    </testcase>\n";
}

class JunitReporter final : public Reporter {
 public:
  std::string_view name() const override { return "junit"; }
  std::string_view file_extension() const override { return "xml"; }

  using Reporter::render;
  std::string render(const Report& report) const override {
    const Comparison& c = report.comparison;
    std::size_t failures = 0, skipped = 0;
    std::string cases;
    const bool mark_single_run = mark_single_run_rows(c);
    for (const auto& row : c.benchmarks) {
      const Outcome outcome = outcome_of(row, c.settings);
      failures += outcome == Outcome::kFailed;
      skipped += outcome == Outcome::kSkipped;
      cases += testcase(row, c.settings, mark_single_run, finding_for(report, row.name));
    }
    const std::string counts =
        fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"", c.benchmarks.size(),
                    failures, skipped);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"benchgate\" {}>\n", counts);
    out += fmt::format("  <testsuite name=\"{}\" {}>\n",
                       escape_xml("benchgate compare " + c.settings.metric), counts);
    out += suite_properties(c, report.profile_notes);
    out += cases;
    out += "  </testsuite>\n</testsuites>\n";
    return out;
  }

 private:
  static const ProfileFinding* finding_for(const Report& report, const std::string& benchmark) {
    for (const auto& f : report.profiles)
      if (f.benchmark == benchmark) return &f;
    return nullptr;
  }

  static std::string suite_properties(const Comparison& c,
                                      const std::vector<std::string>& profile_notes) {
    constexpr std::string_view kIndent = "      ";
    std::string out = "    <properties>\n";
    out += property("verdict", to_string(c.outcome()), kIndent);
    out += property("summary", summary_line(c), kIndent);
    out += property("settings", settings_line(c.settings), kIndent);
    if (auto method = method_line(c); !method.empty()) out += property("mode", method, kIndent);
    if (!c.base_label.empty()) out += property("base", c.base_label, kIndent);
    if (!c.head_label.empty()) out += property("head", c.head_label, kIndent);
    if (auto note = single_run_note(c); !note.empty()) out += property("note", note, kIndent);
    for (const auto& warning : c.warnings) out += property("warning", warning, kIndent);
    for (const auto& note : profile_notes) out += property("profile_note", note, kIndent);
    return out + "    </properties>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions&) {
  return std::make_unique<JunitReporter>();
}

}  // namespace benchgate::report
