#pragma once
// What `benchgate calibrate` measured on one testbed (docs/usage.md#calibrate-benchgate-calibrate):
// per suite and benchmark, the job-to-job spread of stored mode learnt from the recorded jobs of
// the default branch, the false alarms stored mode would have raised between successive jobs there,
// and (optionally) an interleaved A/A job of the current build against itself. Plain data with its
// JSON form (core/calibration_json.h); gate/ computes it, store/ keeps it beside the baselines
// (refs/notes/benchgate-calibration), and the gate reads it back for its method and false-alarm
// lines.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace benchgate {

// One benchmark's figures. NaN where not measured (no history, no A/A), +inf where no δ below
// 100% could be gated.
struct CalibrationBenchmark {
  std::string name;
  double threshold = 0.05;  // δ configured for it

  // Stored mode (from history): SD of the log difference between two jobs of an unchanged
  // benchmark, the effective degrees of freedom and the successive pairs behind it.
  double job_difference_sd = std::nan("");
  double job_degrees_of_freedom = 0;
  std::size_t job_differences = 0;
  double stored_gateable = std::nan("");  // smallest δ stored mode gates (0.12: 12%)

  // Interleaved A/A: SD of the position-adjusted per-round log ratios, the second-run effect
  // (ratio - 1 of running second), the rounds behind them and the smallest δ gateable within the
  // configured rounds.
  double round_sd = std::nan("");
  double second_run_effect = std::nan("");
  std::size_t rounds = 0;
  double interleaved_gateable = std::nan("");
};

// The stored-mode splits: each successive pair of recorded jobs judged as the gate would.
struct CalibrationStored {
  std::size_t jobs = 0;  // recorded jobs read
  bool common_mode_removed = false;
  double common_mode_sd = std::nan("");
  std::size_t pairs = 0;            // successive pairs judged
  std::size_t failed_pairs = 0;     // pairs whose gate would have failed
  std::vector<std::string> failed;  // "abc1234..def5678: BM_X +12.0%" for each failed pair
};

// The interleaved A/A of one suite: the same build on both sides.
struct CalibrationInterleaved {
  int rounds_planned = 0;
  int rounds_complete = 0;
  // Second-run penalty over all benchmarks (ratio - 1), its 95% interval and blocks behind it.
  double second_run_penalty = std::nan("");
  double second_run_low = std::nan(""), second_run_high = std::nan("");
  std::size_t blocks = 0;
  // Splits judged (the whole job, its first and its second half of AB/BA blocks) and the
  // outcome of each, e.g. "whole job: pass", "first half: fail (BM_X +3.1%)".
  std::vector<std::string> splits;
  std::size_t failed_splits = 0;
};

struct CalibrationSuite {
  std::string name;
  std::string metric;
  std::optional<CalibrationStored> stored;
  std::optional<CalibrationInterleaved> interleaved;
  std::vector<CalibrationBenchmark> benchmarks;

  const CalibrationBenchmark* find(const std::string& benchmark) const;
};

struct Calibration {
  static constexpr const char* kSchema = "benchgate.calibration/1";
  std::string testbed;
  std::string commit;      // the branch tip calibrated (the key in the calibration store)
  std::string branch;      // as given or resolved, for humans
  std::string created_at;  // ISO 8601 UTC
  std::string tool_version;
  double alpha = 0.05;
  std::size_t benchmarks_in_gate = 0;  // Holm's family: every benchmark of every suite
  int window = 1;                      // stored jobs head is judged against (gate --window)
  int round_budget = 0;                // interleaved rounds the suggestions are sized for

  // Over all suites (Holm across suites, as the gate): successive pairs of recorded jobs and
  // how many a gate would have failed (real changes of the branch count too: an upper bound).
  std::size_t stored_pairs = 0;
  std::size_t stored_failed_pairs = 0;
  // Interleaved A/A over all suites: splits judged and how many would have failed.
  std::size_t interleaved_splits = 0;
  std::size_t interleaved_failed_splits = 0;
  bool interleaved_measured = false;

  std::vector<CalibrationSuite> suites;
  std::vector<std::string> suggestions;  // one sentence per benchmark worth a word
  std::string toml_snippet;  // [[gate.thresholds]] for benchmarks the default δ cannot gate

  const CalibrationSuite* find(const std::string& suite) const;
  // "2026-12-05" from created_at.
  std::string date() const { return created_at.substr(0, 10); }
};

}  // namespace benchgate
