#pragma once
// The head side of the gate: measure the configured suites now, or read results that were
// produced elsewhere (`--results`, e.g. by a matrix of CI jobs). One record per suite, each
// labelled with its suite name, testbed and the head commit.
#include <string>
#include <vector>

#include "cli/gate_options.h"
#include "core/run_record.h"
#include "runner/config.h"

namespace benchgate::cli {

struct SuiteHead {
  std::string name;
  RunRecord record;
  // Every process succeeded. Only complete runs are recorded as baselines.
  bool complete = true;
};

// The environment key under which records carry their suite name (set by the runner too).
inline constexpr const char* kSuiteKey = "suite";

// The config the gate judges by: --config when given (it must exist), else benchgate.toml when
// present, else the defaults.
Config load_gate_config(const GateFlags& flags);

// The config's suites, or those named by --suite (InputError for an unknown name or none).
std::vector<SuiteConfig> selected_suites(const GateFlags& flags, const Config& config);

std::vector<SuiteHead> gather_head_results(const GateFlags& flags, const Config& config,
                                           const std::string& head_commit);

// The suite a stored record belongs to ("" when it does not say).
std::string suite_of(const RunRecord& record);

}  // namespace benchgate::cli
