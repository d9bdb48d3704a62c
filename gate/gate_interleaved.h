#pragma once
// The interleaved mode of `benchgate gate` (docs/interleaved.md): instead of a
// baseline stored earlier on some runner, the merge-base is checked out into a temporary
// worktree and built with the configured build command, head is built in the repository, and
// each suite's two binaries are measured in alternating processes in this job (`run_ab_job`), so
// the machine's drift hits both sides alike. The comparison then goes through the gate's usual
// reporting, verdict and exit code; both sides' records are stored as baselines of their commits.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "gate/gate_context.h"
#include "gate/gate_judge.h"
#include "gate/gate_settings.h"
#include "gate/gate_suites.h"
#include "runner/config.h"
#include "store/store.h"

namespace benchgate::gate {

// The mode asked for, where it applies. A push to the default branch always uses the stored
// mode (it records the baseline the next pull requests compare with), and so does a head
// without anything to compare with; both say so when interleaved was asked for. InputError for
// --results with interleaved (it measures both sides itself).
runner::GateMode choose_gate_mode(const GateSettings& settings, const GateContext& context);

// One compared suite while both trees still exist: what a step that needs the two binaries
// (profiling both sides) gets, right after the suite's verdict.
struct InterleavedSuite {
  const runner::SuiteConfig& suite;  // as configured: head's paths
  std::vector<std::string> base_command, head_command;
  std::filesystem::path base_dir, head_dir;  // where each side's processes ran
  const SuiteVerdict& verdict;
  const std::string& base_commit;  // the merge-base built in the worktree

  // The suite's config with one side's command and working directory.
  runner::SuiteConfig base_side() const;
  runner::SuiteConfig head_side() const;
};

struct InterleavedHooks {
  // Called once per compared suite, before the base worktree is removed.
  std::function<void(const InterleavedSuite&)> after_suite;
};

struct InterleavedGate {
  std::string base_commit;  // the merge-base that was built and measured as base
  std::vector<SuiteVerdict> verdicts;
  // Each side's record per measured suite, attributed to base_commit / the head commit and tagged
  // environment.interleaved = {side, job, base_commit, head_commit, ...}.
  std::vector<SuiteHead> base_runs, head_runs;
  // Head was built from a clean checkout of exactly the head commit (not a merge commit, not a
  // modified work tree): only then is its record a baseline of that commit.
  bool head_is_exact = false;
};

// Builds, measures and compares. EnvironmentError when a build fails (naming the side and
// commit), when no round completes, or when interrupted (Ctrl-C, SIGTERM); InputError without a
// [build] command or for a suite that cannot be interleaved. The temporary worktree is removed
// on every path.
InterleavedGate run_interleaved_gate(const GateSettings& settings, const GateContext& context,
                                     const InterleavedHooks& hooks = {});

// Saves both sides (base under the merge-base, head under head when head_is_exact) when the run
// records (--record always), with their provenance, and pushes them unless --no-push
// (docs/interleaved.md#what-is-stored). Never fails the gate: a push refused is a warning.
void record_interleaved(const GateSettings& settings, store::Store& store,
                        const GateContext& context, const InterleavedGate& run);

}  // namespace benchgate::gate
