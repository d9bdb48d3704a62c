#pragma once
// The gate's outcome over all its suites, as one piece of text for the pull/merge request (the
// sticky comment, the check run, the job summary) and one word for the exit code.
#include <map>
#include <string>
#include <vector>

#include "cli/gate_judge.h"

namespace benchgate::cli {

enum class GateOutcome { pass, fail, neutral };  // neutral: passed without any baseline

struct GateReport {
  GateOutcome outcome = GateOutcome::pass;
  std::string title;       // one line: "benchgate: FAIL — suite core regressed"
  std::string markdown;    // the comment body (the marker is added when publishing)
  std::string marker_key;  // one sticky comment per suite set and testbed
};

// Markdown computed elsewhere (the profiles' "where the time went" sections), per suite name,
// appended verbatim after that suite's report.
using SuiteAppendix = std::map<std::string, std::string>;

GateReport summarize_gate(const std::vector<SuiteVerdict>& verdicts,
                          const SuiteAppendix& appendix = {});
std::string_view to_string(GateOutcome outcome);

// Report-file base name of one suite's comparison: "comparison" when it is the only suite,
// "comparison-<suite>" when there are several.
std::string report_basename(const std::vector<SuiteVerdict>& verdicts, const SuiteVerdict& suite);

}  // namespace benchgate::cli
