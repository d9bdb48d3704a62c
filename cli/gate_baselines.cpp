#include "cli/gate_baselines.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "git/remotes.h"
#include "store/notes_sync.h"

namespace benchgate::cli {
namespace {

bool git_store(const GateFlags& flags) {
  return flags.store.rfind("dir:", 0) != 0;
}

store::SyncOptions sync_options(const GateFlags& flags) {
  store::SyncOptions options;
  options.repo = flags.repo;
  options.remote = flags.remote;
  options.ref = BaselineCommon{flags.repo, flags.store}.notes_ref();
  return options;
}

}  // namespace

void fetch_baselines(const GateFlags& flags) {
  if (flags.no_fetch || !git_store(flags)) return;
  if (!git::remote_exists(flags.repo, flags.remote)) {
    fmt::print(stderr, "benchgate: no remote {}: using the baselines of this clone only\n",
               flags.remote);
    return;
  }
  try {
    store::SyncReport report = store::fetch_notes(sync_options(flags));
    fmt::print(stderr, "benchgate: fetched baselines from {} ({} note(s) merged)\n", flags.remote,
               report.notes_merged);
  } catch (const EnvironmentError& e) {
    fmt::print(stderr,
               "benchgate: warning: could not fetch baselines from {}: {}; using the baselines "
               "of this clone only\n",
               flags.remote, e.what());
  }
}

std::size_t save_baselines(store::Store& store, const std::string& commit,
                           const std::vector<SuiteHead>& runs, std::string_view what) {
  std::vector<RunRecord> complete;
  for (const auto& h : runs)
    if (h.complete)
      complete.push_back(h.record);
    else
      fmt::print(stderr,
                 "benchgate: suite {} is not recorded as a baseline of {}: its run is incomplete\n",
                 h.name, commit.substr(0, 12));
  if (complete.empty()) return 0;
  store.save(commit, complete);
  fmt::print(stderr, "benchgate: recorded {} {} as the baseline of {} in {}\n", complete.size(),
             what, commit.substr(0, 12), store.describe());
  return complete.size();
}

bool push_baselines(const GateFlags& flags, bool failure_is_warning) {
  if (flags.no_push || !git_store(flags)) return true;
  if (!git::remote_exists(flags.repo, flags.remote)) {
    fmt::print(stderr, "benchgate: warning: no remote {}: the baseline was not pushed\n",
               flags.remote);
    return true;
  }
  try {
    store::SyncReport report = store::push_notes(sync_options(flags));
    fmt::print(stderr, "benchgate: pushed baselines to {} ({})\n", flags.remote, report.remote_url);
    return true;
  } catch (const EnvironmentError& e) {
    fmt::print(stderr,
               "benchgate: {}: the baseline was saved locally but could not be pushed to {}: "
               "{}\n",
               failure_is_warning ? "warning" : "error", flags.remote, e.what());
    return false;
  }
}

bool record_baselines(const GateFlags& flags, store::Store& store, const std::string& head,
                      const std::vector<SuiteHead>& heads) {
  if (save_baselines(store, head, heads, "suite run(s)") == 0) return true;
  return push_baselines(flags, /*failure_is_warning=*/false);
}

}  // namespace benchgate::cli
