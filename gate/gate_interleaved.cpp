#include "gate/gate_interleaved.h"

#include <signal.h>
#include <string.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>

#include <fmt/format.h>

#include "ab/ab_job.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/noise_report.h"
#include "core/text.h"
#include "gate/calibration_lookup.h"
#include "gate/gate_baselines.h"
#include "gate/gate_build.h"
#include "gate/interleaved_plan.h"
#include "git/history.h"
#include "git/temporary_worktree.h"
#include "git/work_tree_state.h"
#include "process/interrupt.h"
#include "runner/suite_binary_probe.h"
#include "runner/suite_gbench.h"

namespace benchgate::gate {
namespace {
namespace fs = std::filesystem;

std::string random_job_id() {
  std::random_device device;
  return fmt::format("{:08x}{:08x}", device(), device());
}

bool every_process_ok(const RunRecord& record) {
  const bool processes_ok = std::all_of(record.processes.begin(), record.processes.end(),
                                        [](const ProcessInfo& p) { return p.status == "ok"; });
  const bool no_errors = std::all_of(record.benchmarks.begin(), record.benchmarks.end(),
                                     [](const BenchmarkResult& b) { return b.errors.empty(); });
  return processes_ok && no_errors;
}

// One side's record as a baseline of `commit`: the gate's suite name and testbed, and the
// pairing — both sides of one job share `job`; each process keeps its benchgate_ab round and
// side (run_ab_job's tags), so a reader can pair the base and head processes of each round.
SuiteHead side_run(RunRecord record, const std::string& suite, const std::string& commit,
                   const std::string& testbed, const std::string& job,
                   const std::string& base_commit, const std::string& head_commit) {
  record.commit = commit;
  if (!testbed.empty()) record.testbed = testbed;
  record.environment[kSuiteKey] = suite;
  auto& tag = record.environment["interleaved"];
  tag["job"] = job;
  tag["base_commit"] = base_commit;
  tag["head_commit"] = head_commit;
  const bool complete = every_process_ok(record);
  return SuiteHead{suite, std::move(record), complete};
}

// A suite whose program the base commit does not build (new in this change, or moved): nothing
// to compare with, which is the gate's "no baseline" case.
SuiteVerdict suite_without_base(const SuitePlan& plan, const std::string& base,
                                const std::string& testbed, NoBaselinePolicy policy) {
  return without_baseline(
      plan.suite->name, testbed,
      fmt::format("no baseline: the build of the merge-base {} made no {} (is the suite new in "
                  "this change?); {}",
                  short_commit(base), plan.base_command[0], no_baseline_consequence(policy)),
      policy);
}

// What is left of the measuring budget for the next suite. Every suite still gets its first round
// (ab's rule: the budget only stops rounds after the first), so an exhausted budget gives the
// later suites one round each, which their comparison reports as a single process per side.
std::optional<std::chrono::duration<double>> remaining_budget(
    const RoundsSettings& rounds, std::chrono::steady_clock::time_point measuring_started) {
  if (!rounds.budget) return std::nullopt;
  const auto spent = std::chrono::steady_clock::now() - measuring_started;
  return std::max(*rounds.budget - std::chrono::duration<double>(spent),
                  std::chrono::duration<double>(0.001));
}

// Whether head was built from a clean checkout of exactly `head`; says why not when it was not.
bool is_exactly(const std::optional<git::WorkTreeState>& state, const std::string& head) {
  if (state && state->commit == head && !state->dirty) return true;
  log_info(
      "head was built from a work tree that is not exactly {} ({}): its measurement is compared "
      "but not stored as that commit's baseline",
      short_commit(head),
      !state                  ? "not a git work tree"
      : state->commit != head ? "HEAD is " + short_commit(state->commit)
                              : "it has uncommitted changes");
  return false;
}

// Each suite's share of the gate's alpha: its benchmarks (as head's binary lists them) over all
// of the run's, so that Holm within each suite at alpha x share keeps the whole gate's
// family-wise rate at alpha. A suite whose list cannot be read counts as one benchmark.
std::vector<double> alpha_shares(const std::vector<SuitePlan>& plans) {
  std::vector<double> counts;
  for (const SuitePlan& plan : plans) {
    runner::SuiteConfig head = *plan.suite;
    head.command = plan.head_command;
    head.working_dir = plan.head_dir;
    const bool built = runner::find_program(plan.head_command[0]).has_value();
    counts.push_back(std::max<double>(
        1, built ? static_cast<double>(runner::probe_gbench_suite(head).benchmarks.size()) : 1));
  }
  double total = 0;
  for (double c : counts) total += c;
  for (double& c : counts) c /= total;
  return counts;
}

SuiteVerdict interleaved_verdict(const ab::AbJobResult& result, const std::string& suite,
                                 const std::string& testbed, const std::string& base,
                                 const std::string& head) {
  SuiteVerdict v;
  v.suite = suite;
  v.testbed = testbed;
  v.comparison = result.comparison;
  v.noise = result.noise;
  v.comparison.base_label =
      fmt::format("{} (the merge-base, built in a temporary worktree)", short_commit(base));
  v.comparison.head_label = fmt::format("{} ({})", short_commit(head), suite);
  v.has_baseline = true;
  v.failed = v.comparison.fails();
  v.baseline_line = fmt::format(
      "interleaved with the merge-base {}: {} of {} round(s) complete on both sides, testbed {}",
      short_commit(base), result.rounds_complete, result.rounds_run, v.testbed);
  return v;
}

// The false-alarm line of each compared suite: the interleaved A/A of the nearest calibration of
// its testbed below the merge-base, else that it was not measured.
void set_false_alarms(InterleavedGate& gate, const GateSettings& settings) {
  std::map<std::string, std::string> by_testbed;
  for (auto& v : gate.verdicts) {
    if (!v.has_baseline) continue;
    auto it = by_testbed.find(v.testbed);
    if (it == by_testbed.end()) {
      const auto found = find_calibration(settings.repo, settings.store, gate.base_commit,
                                          v.testbed, settings.max_distance, nullptr);
      it = by_testbed.emplace(v.testbed, false_alarms_line(found, /*interleaved=*/true)).first;
    }
    v.comparison.false_alarms = it->second;
  }
}

}  // namespace

runner::GateMode choose_gate_mode(const GateSettings& settings, const GateContext& context) {
  if (settings.mode != runner::GateMode::kInterleaved) return runner::GateMode::kStored;
  const std::string& source = settings.mode_source;
  if (context.default_branch_push) {
    log_info(
        "{} does not apply to a push to the default branch: it records the baseline in the "
        "stored mode",
        source);
    return runner::GateMode::kStored;
  }
  if (!settings.results.empty())
    throw InputError(fmt::format(
        "--results cannot be combined with {}: the interleaved mode builds and measures both "
        "sides itself",
        source));
  if (context.target.empty()) {
    log_info("{}: head {} has no parent or target to build a base from; using the stored mode",
             source, short_commit(context.head));
    return runner::GateMode::kStored;
  }
  return runner::GateMode::kInterleaved;
}

InterleavedGate run_interleaved_gate(const GateSettings& settings, const GateContext& context,
                                     const InterleavedHooks& hooks) {
  const runner::Config& config = settings.config;
  // From here on Ctrl-C / SIGTERM stop the running child and unwind through the worktree's
  // destructor, instead of killing us with the directory in place.
  process::install_interrupt_handlers();
  const std::string& config_name = settings.config_name;
  if (!config.build.command)
    throw InputError(fmt::format(
        "--mode interleaved needs a build command: add\n  [build]\n  command = \"...\"\nto {} "
        "(it builds the suites' binaries from a source tree; see docs/interleaved.md)",
        config_name));
  const std::vector<runner::SuiteConfig>& suites = settings.suites;
  const RoundsSettings& rounds = settings.rounds;
  const std::string testbed = settings.testbed.value_or("");

  InterleavedGate gate;
  gate.base_commit = git::merge_base(settings.repo, context.head, context.target);
  log_info(
      "interleaved mode: base is the merge-base {} of head and {}; checking it out into a "
      "temporary worktree",
      short_commit(gate.base_commit), context.target_label);
  std::optional<git::TemporaryWorktree> tree;
  tree.emplace(settings.repo, gate.base_commit);
  log_info("checked out {} into {}", short_commit(gate.base_commit), tree->path().string());
  if (tree->has_submodules())
    log_warning(
        "the base commit has submodules (.gitmodules); they are not checked out in the "
        "temporary worktree (unsupported), so its build sees them empty");
  stop_if_interrupted("while checking out the base");

  const fs::path config_dir = fs::absolute(config_name).parent_path();
  const auto base_config_dir = tree->map(config_dir);
  if (!base_config_dir)
    throw InputError(fmt::format(
        "{} is outside the repository {}: in interleaved mode the config, its build command and "
        "its suites' programs must belong to the repository",
        config_name, tree->repository_root().string()));
  std::vector<SuitePlan> plans;
  for (const auto& suite : suites) plans.push_back(plan_suite(suite, *tree, config_dir));

  run_build({*config.build.command, *base_config_dir, "base", gate.base_commit,
             config.build.timeout_seconds});
  run_build(
      {*config.build.command, config_dir, "head", context.head, config.build.timeout_seconds});
  const std::optional<git::WorkTreeState> head_state = git::work_tree_state(config_dir);
  gate.head_is_exact = is_exactly(head_state, context.head);

  const std::uint64_t seed = config.run.seed.value_or(std::random_device{}());
  const auto measuring_started = std::chrono::steady_clock::now();
  const std::vector<double> shares = alpha_shares(plans);
  for (std::size_t index = 0; index < plans.size(); ++index) {
    const SuitePlan& plan = plans[index];
    const runner::SuiteConfig& suite = *plan.suite;
    check_side_build(suite, plan.head_command, "head");
    if (!runner::find_program(plan.base_command[0])) {
      gate.verdicts.push_back(
          suite_without_base(plan, gate.base_commit, testbed, settings.no_baseline));
      log_info("suite {}: {}", suite.name, gate.verdicts.back().baseline_line);
      continue;
    }

    log_info("suite {}: interleaving base and head, {} rounds, seed {}, {:.0f}% of alpha",
             suite.name, rounds.rounds ? std::to_string(*rounds.rounds) : "adaptive", seed,
             100 * shares[index]);
    ab::AbJobSettings job =
        job_for(plan, settings, seed, remaining_budget(rounds, measuring_started));
    job.alpha_share = shares[index];
    const ab::AbJobResult result = ab::run_ab_job(job);
    stop_if_interrupted(fmt::format("while measuring suite {}", suite.name));
    ab::write_ab_files(result, settings.report_dir / ("interleaved-" + suite.name));

    const std::string job_id = random_job_id();
    gate.base_runs.push_back(side_run(result.base, suite.name, gate.base_commit, testbed, job_id,
                                      gate.base_commit, context.head));
    gate.head_runs.push_back(side_run(result.head, suite.name, context.head, testbed, job_id,
                                      gate.base_commit, context.head));
    gate.head_runs.back().record.dirty = head_state && head_state->dirty;

    gate.verdicts.push_back(interleaved_verdict(
        result, suite.name, gate.head_runs.back().record.testbed, gate.base_commit, context.head));
    if (hooks.after_suite)
      hooks.after_suite({suite, plan.base_command, plan.head_command, plan.base_dir, plan.head_dir,
                         gate.verdicts.back(), gate.base_commit});
  }
  set_false_alarms(gate, settings);
  const fs::path removed = tree->temporary_directory();
  tree.reset();
  log_info("removed the temporary worktree {}", removed.string());
  return gate;
}

void record_interleaved(const GateSettings& settings, store::Store& store,
                        const GateContext& context, const InterleavedGate& run) {
  // Like the stored mode: only runs that record (--record always; a push to the default branch
  // falls back to the stored mode) keep their processes. A local or pull-request run recording
  // its feature branch would hand the next gate a baseline from that branch.
  if (!context.record) return;
  // Both sides were built with head's configuration: the base side's provenance says so, and
  // lookups pass it over as a baseline of the base commit unless --baselines-from any.
  const Provenance provenance = run_provenance(context, context.head);
  std::size_t saved =
      save_baselines(store, run.base_commit, run.base_runs, provenance, "interleaved base run(s)");
  if (run.head_is_exact)
    saved +=
        save_baselines(store, context.head, run.head_runs, provenance, "interleaved head run(s)");
  if (saved == 0) return;
  // A fork's token cannot push.
  if (context.fork) {
    log_info(
        "the interleaved records are not pushed: a pull request from a fork has a read-only "
        "token");
    return;
  }
  push_baselines(settings, /*failure_is_warning=*/true);
}

runner::SuiteConfig InterleavedSuite::base_side() const {
  runner::SuiteConfig side = suite;
  side.command = base_command;
  side.working_dir = base_dir;
  return side;
}

runner::SuiteConfig InterleavedSuite::head_side() const {
  runner::SuiteConfig side = suite;
  side.command = head_command;
  side.working_dir = head_dir;
  return side;
}

}  // namespace benchgate::gate
