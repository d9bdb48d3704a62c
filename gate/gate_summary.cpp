#include "gate/gate_summary.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "reporters/reporter.h"
#include "runner/environment.h"

namespace benchgate::gate {
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
    return GateOutcome::kFail;
  if (std::none_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.has_baseline; }))
    return GateOutcome::kNeutral;
  return GateOutcome::kPass;
}

std::string title_of(const std::vector<SuiteVerdict>& verdicts, GateOutcome outcome) {
  std::vector<std::string> failed, unbased;
  for (const auto& v : verdicts) {
    if (v.failed) failed.push_back(plain_name(v.suite));
    if (!v.has_baseline) unbased.push_back(plain_name(v.suite));
  }
  switch (outcome) {
    case GateOutcome::kFail:
      return fmt::format("benchgate: FAIL — {} {}", failed.size() == 1 ? "suite" : "suites",
                         fmt::join(failed, ", "));
    case GateOutcome::kNeutral:
      return "benchgate: NO BASELINE — nothing was compared; this run does not block";
    case GateOutcome::kPass:
      break;
  }
  if (!unbased.empty())
    return fmt::format("benchgate: PASS (no baseline for {}: not compared)",
                       fmt::join(unbased, ", "));
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
  return "gate-" + runner::short_hash(
                       fmt::format("{}|{}", fmt::join(suites, "\n"), fmt::join(testbeds, "\n")));
}

}  // namespace

std::string_view to_string(GateOutcome outcome) {
  switch (outcome) {
    case GateOutcome::kFail:
      return "fail";
    case GateOutcome::kNeutral:
      return "neutral";
    case GateOutcome::kPass:
      break;
  }
  return "pass";
}

std::string report_basename(const std::vector<SuiteVerdict>& verdicts, const SuiteVerdict& suite) {
  return verdicts.size() == 1 ? "comparison" : "comparison-" + plain_name(suite.suite);
}

Report suite_report(const SuiteVerdict& verdict, const Attachments& attachments) {
  Report report{verdict.comparison};
  report.noise = verdict.noise;
  if (auto it = attachments.find(verdict.suite); it != attachments.end()) {
    report.profiles = it->second.profiles;
    report.profile_notes = it->second.notes;
  }
  return report;
}

GateReport summarize_gate(const std::vector<SuiteVerdict>& verdicts,
                          const Attachments& attachments) {
  GateReport report;
  report.outcome = outcome_of(verdicts);
  report.title = title_of(verdicts, report.outcome);
  report.marker_key = marker_key_of(verdicts);
  auto markdown = report::make_reporter("markdown");
  if (verdicts.size() == 1) {
    report.markdown = markdown->render(suite_report(verdicts.front(), attachments));
    return report;
  }
  report.markdown = fmt::format("## {}\n", report.title);
  for (const auto& v : verdicts)
    report.markdown += fmt::format("\n---\n\n### Suite `{}`\n\n{}", plain_name(v.suite),
                                   markdown->render(suite_report(v, attachments)));
  return report;
}

}  // namespace benchgate::gate
