#include "gate/gate_baselines.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "git/remotes.h"
#include "store/baseline_origin.h"
#include "store/notes_sync.h"

namespace benchgate::gate {
namespace {

store::SyncOptions sync_options(const GateSettings& settings) {
  store::SyncOptions options;
  options.repo = settings.repo;
  options.remote = settings.remote;
  options.ref = settings.store.notes_ref;
  return options;
}

}  // namespace

void fetch_baselines(const GateSettings& settings) {
  if (!settings.fetch || !settings.store.is_git()) return;
  if (!git::remote_exists(settings.repo, settings.remote)) {
    log_info("no remote {}: using the baselines of this clone only", settings.remote);
    return;
  }
  try {
    store::SyncReport report = store::fetch_notes(sync_options(settings));
    log_info("fetched baselines from {} ({} note(s) merged)", settings.remote, report.notes_merged);
  } catch (const EnvironmentError& e) {
    log_warning("could not fetch baselines from {}: {}; using the baselines of this clone only",
                settings.remote, e.what());
  }
}

Provenance run_provenance(const GateContext& context, const std::string& built_by) {
  Provenance p;
  const bool github = context.kind == forge::CiKind::kGithubActions;
  if (context.kind == forge::CiKind::kLocal)
    p.context = "local run";
  else if (context.review)
    p.context = github ? "GitHub pull request" : "GitLab merge request";
  else
    p.context = github ? "GitHub push" : "GitLab push";
  p.branch = context.branch;
  p.default_branch = !context.review && context.on_default_branch;
  p.built_by = built_by;
  return p;
}

std::size_t save_baselines(store::Store& store, const std::string& commit,
                           const std::vector<SuiteHead>& runs, const Provenance& provenance,
                           std::string_view what) {
  std::vector<RunRecord> complete;
  for (const auto& h : runs)
    if (h.complete) {
      complete.push_back(h.record);
      set_provenance(complete.back(), provenance);
    } else
      log_info("suite {} is not recorded as a baseline of {}: its run is incomplete", h.name,
               short_commit(commit));
  if (complete.empty()) return 0;
  store.save(commit, complete);
  log_info("recorded {} {} as the baseline of {} in {} ({})", complete.size(), what,
           short_commit(commit), store.describe(), provenance.describe(commit));
  if (auto why = store::why_not_a_baseline(complete.front(), {}))
    log_info(
        "lookups pass these records over unless told otherwise (--baselines-from any): {}; "
        "only records made on the default branch (or the branch a change targets) are baselines",
        *why);
  return complete.size();
}

bool push_baselines(const GateSettings& settings, bool failure_is_warning) {
  if (!settings.push || !settings.store.is_git()) return true;
  if (!git::remote_exists(settings.repo, settings.remote)) {
    log_warning("no remote {}: the baseline was not pushed", settings.remote);
    return true;
  }
  try {
    store::SyncReport report = store::push_notes(sync_options(settings));
    log_info("pushed baselines to {} ({})", settings.remote, report.remote_url);
    return true;
  } catch (const EnvironmentError& e) {
    log_message(failure_is_warning ? LogLevel::kWarning : LogLevel::kError,
                fmt::format("the baseline was saved locally but could not be pushed to {}: {}",
                            settings.remote, e.what()));
    return false;
  }
}

bool record_baselines(const GateSettings& settings, store::Store& store, const GateContext& context,
                      const std::vector<SuiteHead>& heads) {
  if (save_baselines(store, context.head, heads, run_provenance(context, context.head),
                     "suite run(s)") == 0)
    return true;
  return push_baselines(settings, /*failure_is_warning=*/false);
}

}  // namespace benchgate::gate
