#pragma once
// The head side of the gate: measure the configured suites now, or read results that were
// produced elsewhere (`--results`, e.g. by a matrix of CI jobs). One record per suite, each
// labelled with its suite name, testbed and the head commit.
#include <string>
#include <vector>

#include "core/run_record.h"
#include "gate/gate_settings.h"

namespace benchgate::gate {

struct SuiteHead {
  std::string name;
  RunRecord record;
  // Every process succeeded. Only complete runs are recorded as baselines.
  bool complete = true;
};

// The environment key under which records carry their suite name (set by the runner too).
inline constexpr const char* kSuiteKey = "suite";

// Runs the settings' suites, or reads their --results, and labels each record with its suite,
// testbed and `head_commit`. EnvironmentError when a suite's every process failed or the run was
// interrupted.
std::vector<SuiteHead> gather_head_results(const GateSettings& settings,
                                           const std::string& head_commit);

// The suite a stored record belongs to ("" when it does not say).
std::string suite_of(const RunRecord& record);

}  // namespace benchgate::gate
