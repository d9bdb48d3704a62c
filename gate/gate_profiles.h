#pragma once
// Profiles in the gate (docs/profiles.md#in-the-gate): show *where* a regression's time went.
//   - Runs that record baselines, with profile = "all": every benchmark of each Google Benchmark
//     suite is profiled after the timing runs, and the profiles are stored under the head commit
//     (store/profile_store.h) and pushed — on their own notes ref, so fetching baselines stays
//     small.
//   - Every gate with a baseline, with profile = "changed" or "all": the head of each regressed
//     or improved benchmark is profiled, the stored profile of the baseline commit is fetched and
//     diffed with it, and the report gets a collapsed "Where the time went" section per benchmark
//     with the top function deltas; the flame graph SVGs go to <report-dir>/flamegraphs/.
// Profiling is best effort and never changes the exit code. What it finds is data (core/report.h):
// the reporters show it.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"
#include "gate/gate_context.h"
#include "gate/gate_judge.h"
#include "gate/gate_settings.h"
#include "gate/gate_suites.h"
#include "gate/gate_summary.h"
#include "gate/suite_profiler.h"
#include "runner/config.h"

namespace benchgate::gate {

// Two profiles of one benchmark to explain a verdict (or head alone).
struct ProfileDiffInput {
  std::string suite;
  const BenchmarkComparison* row = nullptr;  // verdict and measured ratio of the benchmark
  std::string head_folded;                   // folded stacks (profile/folded_format.h)
  std::string head_label;                    // e.g. "commit 3fa94c1e08d2"
  std::optional<std::string> base_folded;    // nothing: head only
  std::string base_label;                    // e.g. "commit 1a2b3c4d5e6f"
  // Why there is no base (when base_folded is nothing), and its detail (the commit looked up).
  HeadOnlyReason why_no_base = HeadOnlyReason::kNoStoredBase;
  std::string why_no_base_detail;
  std::string testbed;
  profile::ColourBy colour_by = profile::ColourBy::kSelf;  // the SVG's colour, the table's rank
};

// Diffs (or renders head alone), writes the SVG below `report_dir`, and returns the finding.
// The stored-baseline gate uses it, and so does the interleaved mode with two profiles captured
// fresh in the job. A base of another event is shown as head only, saying why.
ProfileFinding explain_with_profiles(const ProfileDiffInput& input,
                                     const std::filesystem::path& report_dir);

class GateProfiles {
 public:
  GateProfiles(const GateSettings& settings, const GateContext& context);

  // Profiles the head of the regressed and improved benchmarks (at most kMaxExplained, largest
  // effects first), diffs them with the baseline commit's stored profiles (fetched first) and
  // writes the SVGs. Nothing when profiling is off.
  void explain_changes(const std::vector<SuiteVerdict>& verdicts);
  // Interleaved mode: profiles the regressed and improved benchmarks of
  // `verdict` in both builds — `base_suite` and `head_suite` are the suite's config with each
  // side's command and working directory, `base_commit` the merge-base that was built — diffs
  // them and adds the sections. Call it while both builds exist (InterleavedHooks::after_suite).
  void explain_interleaved(const runner::SuiteConfig& base_suite,
                           const runner::SuiteConfig& head_suite, const SuiteVerdict& verdict,
                           const std::string& base_commit);
  // On runs that record baselines with profile = "all": profiles every benchmark of the complete
  // Google Benchmark suites of `heads` (reusing explain_changes' captures), stores them under the
  // head commit and pushes them (unless --no-push). Failures are warnings.
  void record(const std::vector<SuiteHead>& heads);

  // Per suite, its findings and the notes on what could not be profiled.
  const Attachments& attachments() const { return attachments_; }

  static constexpr std::size_t kMaxExplained = 10;

 private:
  struct Change {
    const SuiteVerdict* verdict;
    const BenchmarkComparison* row;
  };
  // Largest first, within what is left of kMaxExplained; the rest are named in notes.
  std::vector<Change> take_largest_changes(std::vector<Change> changes);
  void attach(const Change& change, const CapturedProfile& head, ProfileDiffInput input);
  void head_not_captured(const Change& change);
  // Whether perf can be used; if not, says so in the notes of these suites.
  bool profiler_usable(const std::map<std::string, const runner::SuiteConfig*>& suites);
  const runner::SuiteConfig* profilable_suite(const std::string& name, std::string& why_not);
  const CapturedProfile* capture(const runner::SuiteConfig& suite, const std::string& benchmark,
                                 std::size_t index, std::size_t count);
  std::optional<std::string> base_profile(const SuiteVerdict& verdict, const std::string& benchmark,
                                          std::string& commit_used);

  const GateSettings& settings_;
  const GateContext& context_;
  SuiteProfiler profiler_;
  std::map<std::pair<std::string, std::string>, CapturedProfile> captured_;  // (suite, benchmark)
  Attachments attachments_;
  bool profiles_fetched_ = false;
  std::size_t explained_ = 0;  // changes given a profiling budget so far
};

}  // namespace benchgate::gate
