#include "cli/gate_summary.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "reporters/reporter.h"
#include "runner/environment.h"

namespace benchgate::cli {
namespace {

// Suite names come from the config or from file names: keep them to characters that cannot
// break the markdown around them.
std::string plain_name(std::string_view name) {
  std::string out;
  for (unsigned char c : name) out += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? c : '_';
  return out;
}

GateOutcome outcome_of(const std::vector<SuiteVerdict>& verdicts) {
  if (std::any_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.failed; }))
    return GateOutcome::fail;
  if (std::none_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.has_baseline; }))
    return GateOutcome::neutral;
  return GateOutcome::pass;
}

std::string title_of(const std::vector<SuiteVerdict>& verdicts, GateOutcome outcome) {
  std::vector<std::string> failed, unbased;
  for (const auto& v : verdicts) {
    if (v.failed) failed.push_back(plain_name(v.suite));
    if (!v.has_baseline) unbased.push_back(plain_name(v.suite));
  }
  switch (outcome) {
    case GateOutcome::fail:
      return fmt::format("benchgate: FAIL — {} {}", failed.size() == 1 ? "suite" : "suites",
                         fmt::join(failed, ", "));
    case GateOutcome::neutral:
      return "benchgate: no baseline yet — this run does not block";
    case GateOutcome::pass:
      break;
  }
  if (!unbased.empty())
    return fmt::format("benchgate: PASS (no baseline for {})", fmt::join(unbased, ", "));
  return "benchgate: PASS";
}

// One key per set of suites and testbeds: reruns find their comment, while another config (or a
// matrix job on another testbed) keeps its own.
std::string marker_key_of(const std::vector<SuiteVerdict>& verdicts) {
  std::set<std::string> suites, testbeds;
  for (const auto& v : verdicts) {
    suites.insert(v.suite);
    testbeds.insert(v.testbed);
  }
  return "gate-" +
         short_hash(fmt::format("{}|{}", fmt::join(suites, "\n"), fmt::join(testbeds, "\n")));
}

}  // namespace

std::string_view to_string(GateOutcome outcome) {
  switch (outcome) {
    case GateOutcome::fail:
      return "fail";
    case GateOutcome::neutral:
      return "neutral";
    case GateOutcome::pass:
      break;
  }
  return "pass";
}

std::string report_basename(const std::vector<SuiteVerdict>& verdicts, const SuiteVerdict& suite) {
  return verdicts.size() == 1 ? "comparison" : "comparison-" + plain_name(suite.suite);
}

GateReport summarize_gate(const std::vector<SuiteVerdict>& verdicts,
                          const SuiteAppendix& appendix) {
  const auto appended = [&](const SuiteVerdict& v) {
    auto it = appendix.find(v.suite);
    return it == appendix.end() ? std::string() : it->second;
  };
  GateReport report;
  report.outcome = outcome_of(verdicts);
  report.title = title_of(verdicts, report.outcome);
  report.marker_key = marker_key_of(verdicts);
  auto markdown = make_reporter("markdown");
  if (verdicts.size() == 1) {
    report.markdown = markdown->render(verdicts.front().comparison) + appended(verdicts.front());
    return report;
  }
  report.markdown = fmt::format("## {}\n", report.title);
  for (const auto& v : verdicts)
    report.markdown += fmt::format("\n---\n\n### Suite `{}`\n\n{}{}", plain_name(v.suite),
                                   markdown->render(v.comparison), appended(v));
  return report;
}

}  // namespace benchgate::cli
