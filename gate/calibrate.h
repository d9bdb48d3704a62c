#pragma once
// `benchgate calibrate` without its command line (docs/usage.md#calibrate-benchgate-calibrate):
// what the gate's two modes can and cannot gate on this testbed, measured rather than assumed.
//
// - From the stored history (always, when there are records): per benchmark the job-to-job spread
//   of stored mode learnt from the recorded jobs of the branch, the false alarms a gate would
//   have raised between each successive pair of them (each pair judged with the spread of the
//   other jobs), and the smallest δ stored mode can gate.
// - From an interleaved A/A (optional, it takes minutes): the configured suites' current build
//   against itself through the interleaved machinery, its round-to-round spread, its second-run
//   effect, whether it would have failed (the whole job and each half of its blocks), and the
//   smallest δ gateable within the configured rounds.
// The result is plain data (core/calibration.h); it is stored beside the baselines per testbed
// (store/calibration_store.h) and read back by the gate (gate/calibration_lookup.h).
#include <optional>
#include <string>

#include "core/calibration.h"
#include "gate/gate_settings.h"

namespace benchgate::gate {

struct CalibrateSettings {
  // config, suites, repo, testbed, store, remote, max_distance, fetch, push, rounds, compare.
  GateSettings gate;
  std::optional<std::string> branch;  // nothing: the default branch, as the gate resolves it
  int jobs = 30;                      // recorded commits read from the branch
  bool interleaved = false;           // also run an interleaved A/A
};

// Measures. InputError when there is nothing to calibrate (no recorded job of any suite on this
// testbed and no --interleaved), EnvironmentError for a failed A/A (no round completed,
// interrupted).
Calibration calibrate(const CalibrateSettings& settings);

// The calibration stored for this testbed on the branch tip or its nearest first-parent ancestor
// (within max_distance), without measuring anything (`--show`). InputError when there is none,
// or when an unreadable calibration line is met on the way (naming its commit and line).
Calibration stored_calibration(const CalibrateSettings& settings);

// Adds the calibration to the calibration store and pushes its notes ref unless --no-push or a
// dir: store. Returns false when the push failed (the calibration is stored locally; the log
// says so).
bool store_calibration(const CalibrateSettings& settings, const Calibration& calibration);

// Best effort, like the baselines: merges the remote's calibration notes into ours.
void fetch_calibrations(const GateSettings& settings);

}  // namespace benchgate::gate
