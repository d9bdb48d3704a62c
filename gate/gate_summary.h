#pragma once
// The gate's outcome over all its suites, as one piece of text for the pull/merge request (the
// sticky comment, the check run, the job summary) and one word for the exit code.
#include <map>
#include <string>
#include <vector>

#include "core/report.h"
#include "gate/gate_judge.h"

namespace benchgate::gate {

enum class GateOutcome { kPass, kFail, kNeutral };  // neutral: passed without any baseline

struct GateReport {
  GateOutcome outcome = GateOutcome::kPass;
  std::string title;       // one line: "benchgate: FAIL — suite core regressed"
  std::string markdown;    // the comment body (the marker is added when publishing)
  std::string marker_key;  // one sticky comment per suite set and testbed
};

// What explains a suite's changes besides its comparison: the profile findings and the notes on
// what could not be profiled.
struct SuiteAttachments {
  std::vector<ProfileFinding> profiles;
  std::vector<std::string> notes;
};
using Attachments = std::map<std::string, SuiteAttachments>;  // by suite name

// The report of one suite: its comparison, noise report (interleaved) and attachments.
Report suite_report(const SuiteVerdict& verdict, const Attachments& attachments = {});

GateReport summarize_gate(const std::vector<SuiteVerdict>& verdicts,
                          const Attachments& attachments = {});
std::string_view to_string(GateOutcome outcome);

// Report-file base name of one suite's comparison: "comparison" when it is the only suite,
// "comparison-<suite>" when there are several.
std::string report_basename(const std::vector<SuiteVerdict>& verdicts, const SuiteVerdict& suite);

}  // namespace benchgate::gate
