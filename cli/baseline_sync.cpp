// `benchgate baseline push` and `baseline fetch`: share the notes with a remote.
#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "store/notes_sync.h"

namespace benchgate::cli {
namespace {

store::SyncOptions sync_options(const BaselineCommon& common, const std::string& remote) {
  store::SyncOptions options;
  options.repo = common.repo_or_cwd();
  options.remote = remote;
  options.ref = common.notes_ref();
  return options;
}

}  // namespace

int run_baseline_fetch(const BaselineCommon& common, const std::string& remote) {
  store::SyncReport report = store::fetch_notes(sync_options(common, remote));
  if (!report.remote_has_notes)
    fmt::print("{} has no baselines yet ({})\n", remote, report.remote_url);
  else
    fmt::print("fetched baselines from {} ({}) into {}; {} note(s) merged\n", remote,
               report.remote_url, report.tracking_ref, report.notes_merged);
  return kExitPass;
}

int run_baseline_push(const BaselineCommon& common, const std::string& remote) {
  store::SyncReport report = store::push_notes(sync_options(common, remote));
  if (report.local_tip.empty())
    fmt::print("no baselines to push\n");
  else if (report.pushed)
    fmt::print(
        "pushed baselines to {} ({}) after {} attempt(s); {} note(s) merged from the remote\n",
        remote, report.remote_url, report.attempts, report.notes_merged);
  else
    fmt::print("{} ({}) already has every baseline\n", remote, report.remote_url);
  return kExitPass;
}

}  // namespace benchgate::cli
