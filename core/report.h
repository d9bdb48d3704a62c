#pragma once
// What every reporter renders: one comparison and what explains it. Reporters format a Report for
// one audience and compute nothing, so the console, Markdown, JSON and JUnit reports all carry
// the same findings (docs/reports.md).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/comparison.h"
#include "core/noise_report.h"

namespace benchgate {

// Which share of the samples a function is compared by: its self share (samples where it is the
// leaf) or its total share (samples with it anywhere on the stack, each sample counted once).
// A differential flame graph is coloured by one, and its top-N table ranks by the same one.
enum class FrameShare { kSelf, kTotal };

// One function's change between the base and head profiles of a benchmark, in the share its
// FunctionDeltas were ranked by (self by default).
struct FunctionDelta {
  std::string name;
  std::uint64_t base_samples = 0;  // self (or total) samples
  std::uint64_t head_samples = 0;
  double base_share = 0;  // of the base total, 0..1
  double head_share = 0;
  double delta_points = 0;  // (head_share - base_share) * 100, percentage points
  double z = 0;
  // head_share * time_ratio - base_share: the change as a fraction of the base's time.
  std::optional<double> time_delta_of_base;
  std::optional<double> time_delta_ns;
};

// Where a profile came from and what it sampled.
struct ProfileSource {
  std::string source;  // file or label
  std::string format;  // "perf-script", "folded", ...
  std::string event;   // "cpu-clock", ...; empty when unknown
  std::string unit;    // "samples" or "nanoseconds"
  std::uint64_t samples = 0;
};

// The top function deltas of a differential profile, and the noise rule that selected them.
struct FunctionDeltas {
  ProfileSource base, head;
  FrameShare ranked_by = FrameShare::kSelf;  // the share every FunctionDelta of `top` is in
  std::optional<double> time_ratio;
  std::uint64_t min_samples = 0;
  double min_z = 0;
  std::size_t functions_compared = 0;
  std::size_t functions_below_noise = 0;  // changed, but did not pass the noise rule
  std::vector<FunctionDelta> top;         // by |delta_points|, largest first
};

// Why a benchmark's flame graph shows head alone.
enum class HeadOnlyReason {
  kNone,             // differential: both profiles were compared
  kNoStoredBase,     // nothing stored for the baseline commit (detail: that commit, testbed)
  kIncomparable,     // the stored base measured another event or unit (detail: why)
  kBaseNotCaptured,  // interleaved mode: the base build's profile could not be taken
};

// A changed benchmark explained by its profiles: the flame graph file and the function deltas.
struct ProfileFinding {
  std::string suite;
  std::string benchmark;
  Verdict verdict = Verdict::kRegression;
  double ratio = 0;  // head/base of `metric`, NaN when not known
  std::string metric;
  std::string base_label, head_label;  // "commit 1a2b3c4d5e6f"
  // Relative to the report directory ("flamegraphs/<suite>-<benchmark>.svg"); empty when no SVG
  // was written.
  std::string svg_file;
  // How a forge shows the SVG (a link to an artifact, an uploaded image), as Markdown it wrote;
  // empty: reports name svg_file.
  std::string svg_markdown;
  HeadOnlyReason head_only = HeadOnlyReason::kNone;
  std::string head_only_detail;  // the commit, or the reason the profiles cannot be compared
  std::string testbed;
  ProfileSource head;                    // what head's profile sampled
  std::optional<FunctionDeltas> deltas;  // when differential

  bool differential() const { return head_only == HeadOnlyReason::kNone; }
};

struct Report {
  Report() = default;
  explicit Report(Comparison compared) : comparison(std::move(compared)) {}

  Comparison comparison;
  std::vector<ProfileFinding> profiles;
  // What could not be explained, one plain sentence each ("BM_x was not profiled: ...").
  std::vector<std::string> profile_notes;
  std::optional<NoiseReport> noise;  // interleaved jobs
};

}  // namespace benchgate
