#include "gate/calibrate.h"

#include <ctime>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "gate/calibrate_steps.h"
#include "gate/calibration_lookup.h"
#include "git/remotes.h"
#include "git/revision.h"
#include "runner/environment.h"
#include "store/calibration_store.h"
#include "store/notes_sync.h"

namespace benchgate::gate {
namespace {

// The branch calibrated: --branch, else what a local gate merges into (the upstream, else the
// remote's default branch), else HEAD.
std::string branch_revision(const CalibrateSettings& s) {
  if (s.branch) return *s.branch;
  if (auto target = git::default_local_target(s.gate.repo, s.gate.remote)) return *target;
  return "HEAD";
}

// "refs/remotes/origin/main" -> "main", for the sentences that name it.
std::string branch_label(const std::filesystem::path& repo, const std::string& revision) {
  return git::branch_named_by(repo, revision).value_or(revision);
}

store::SyncOptions calibration_sync(const GateSettings& settings) {
  store::SyncOptions options;
  options.repo = settings.repo;
  options.remote = settings.remote;
  options.ref = settings.store.calibrations().notes_ref;
  return options;
}

std::string testbed_of(const GateSettings& g, const runner::EnvironmentInfo& info) {
  return g.testbed.value_or(runner::testbed_fingerprint(info));
}

}  // namespace

Calibration stored_calibration(const CalibrateSettings& settings) {
  const GateSettings& g = settings.gate;
  const std::string testbed = testbed_of(g, runner::capture_environment());
  const std::string revision = branch_revision(settings);
  const std::string tip = git::resolve_revision(g.repo, revision);
  std::vector<store::LineProblem> problems;
  auto found = find_calibration(g.repo, g.store, tip, testbed, g.max_distance, &problems);
  if (!problems.empty())
    throw InputError(fmt::format("unreadable calibration in {}: {}",
                                 store::calibration_store_spec(g.store.text),
                                 problems.front().describe()));
  if (!found)
    throw InputError(fmt::format(
        "no calibration of testbed {} within {} first-parent commits of {} ({}); run `benchgate "
        "calibrate` first",
        testbed, g.max_distance, short_commit(tip), branch_label(g.repo, revision)));
  if (found->distance > 0)
    log_info("the nearest calibration is {} commit(s) below {}", found->distance,
             short_commit(tip));
  return std::move(found->calibration);
}

Calibration calibrate(const CalibrateSettings& settings) {
  const GateSettings& g = settings.gate;
  const runner::EnvironmentInfo info = runner::capture_environment();
  Calibration out;
  out.testbed = testbed_of(g, info);
  out.tool_version = info.benchgate_version;
  out.created_at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
  const std::string revision = branch_revision(settings);
  out.commit = git::resolve_revision(g.repo, revision);
  out.branch = branch_label(g.repo, revision);
  out.alpha = g.compare.settings.alpha;
  out.window = g.window;
  out.round_budget = g.rounds.rounds.value_or(g.rounds.max_rounds);
  log_info("calibrating testbed {} at {} ({}): up to {} recorded commits{}", out.testbed,
           short_commit(out.commit), out.branch, settings.jobs,
           settings.interleaved ? ", then an interleaved A/A" : "");

  const std::size_t jobs = calibrate_history(settings, out.commit, out);
  if (jobs == 0 && !settings.interleaved)
    throw InputError(fmt::format(
        "nothing to calibrate: no recorded job of any suite on testbed {} within {} first-parent "
        "commits of {} ({}). Record baselines on {} first (benchgate gate on pushes to it), pass "
        "--testbed for another testbed's records, or measure with --interleaved",
        out.testbed, g.max_distance, short_commit(out.commit), out.branch, out.branch));
  if (settings.interleaved) calibrate_interleaved(settings, out);
  add_suggestions(settings, out);
  return out;
}

bool store_calibration(const CalibrateSettings& settings, const Calibration& calibration) {
  const GateSettings& g = settings.gate;
  const auto store = store::open_calibration_store(g.store, g.repo);
  store->save(calibration);
  log_info("stored the calibration of testbed {} at {} in {}", calibration.testbed,
           short_commit(calibration.commit), store->describe());
  if (!g.push || !g.store.is_git()) return true;
  if (!git::remote_exists(g.repo, g.remote)) {
    log_warning("no remote {}: the calibration was not pushed", g.remote);
    return true;
  }
  try {
    const auto report = store::push_notes(calibration_sync(g));
    log_info("pushed the calibration to {} ({})", g.remote, report.remote_url);
    return true;
  } catch (const EnvironmentError& e) {
    log_error("the calibration was stored locally but could not be pushed to {}: {}", g.remote,
              e.what());
    return false;
  }
}

void fetch_calibrations(const GateSettings& settings) {
  if (!settings.fetch || !settings.store.is_git()) return;
  if (!git::remote_exists(settings.repo, settings.remote)) return;
  try {
    const auto report = store::fetch_notes(calibration_sync(settings));
    if (report.remote_has_notes)
      log_info("fetched calibrations from {} ({} note(s) merged)", settings.remote,
               report.notes_merged);
  } catch (const EnvironmentError& e) {
    log_warning("could not fetch calibrations from {}: {}; using those of this clone only",
                settings.remote, e.what());
  }
}

}  // namespace benchgate::gate
