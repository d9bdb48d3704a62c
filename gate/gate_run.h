#pragma once
// `benchgate gate` from start to end (docs/gate.md): detect the context, measure (or read) head's
// results — or build and measure both sides in interleaved mode —, find the baseline, compare,
// explain changes with profiles, record baselines on the default branch, publish to the forge.
// Progress goes to the log; the reports go to the caller's sink; the caller maps the result to an
// exit code.
#include <functional>
#include <string>
#include <vector>

#include "core/report.h"
#include "forge/environment.h"
#include "gate/gate_judge.h"
#include "gate/gate_settings.h"
#include "gate/gate_summary.h"

namespace benchgate::gate {

// Called once per suite, in order, as soon as all suites are judged and explained, with the
// suite's report (its comparison, profile findings and noise report).
using SuiteReportSink = std::function<void(
    const SuiteVerdict& verdict, const std::vector<SuiteVerdict>& all, const Report& report)>;

struct GateResult {
  GateOutcome outcome = GateOutcome::kPass;
  std::string title;  // one line: "benchgate: FAIL — suite core regressed"
  std::vector<SuiteVerdict> verdicts;
  // False when this run was to record a baseline and could not push it: the next pull requests
  // would silently have no baseline, so the run must not look green.
  bool recorded = true;
};

// InputError for bad settings met on the way (a revision that does not resolve, a missing build
// command), EnvironmentError when measuring or building fails or is interrupted.
GateResult run_gate(const GateSettings& settings, const forge::Environment& env,
                    const SuiteReportSink& report);

}  // namespace benchgate::gate
