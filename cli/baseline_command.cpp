// `benchgate baseline`: the baseline store on the command line (docs/store.md). Declares the
// subcommands and their options; the actions live in baseline_*.cpp.
#include <memory>

#include "cli/baseline_actions.h"
#include "cli/command.h"
#include "cli/default_testbed.h"
#include "cli/help_sections.h"

namespace benchgate::cli {
namespace {

struct BaselineState {
  BaselineCommon common;
  SaveOptions save;
  ShowOptions show;
  FindOptions find;
  std::size_t keep = 0;
  std::string remote = "origin";
};

void add_common_options(CLI::App& sub, BaselineCommon& common, bool with_format) {
  sub.add_option("--repo", common.repo,
                 "Git repository (default: the one containing the current directory)");
  sub.add_option(
         "--store", common.store,
         "Where baselines live: git (notes refs/notes/benchgate, default), git:REF, or dir:PATH")
      ->capture_default_str();
  if (with_format)
    sub.add_option("--format", common.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
}

}  // namespace

void register_baseline_command(CLI::App& app, Action& action) {
  auto state = std::make_shared<BaselineState>();
  auto* baseline = app.add_subcommand(
      "baseline",
      "Store and find baselines: run records kept per commit and testbed in git notes "
      "(refs/notes/benchgate) or a directory");
  baseline->require_subcommand(1);
  set_help_sections(*baseline,
                    {{"benchgate baseline list", "every commit with stored records"},
                     {"benchgate baseline find --base main",
                      "the nearest recorded ancestor of main's merge-base on this machine"}});
  auto on = [&action, state](CLI::App* sub, auto run) {
    sub->callback([&action, state, run] { action = [state, run] { return run(*state); }; });
  };

  auto* save =
      baseline->add_subcommand("save", "Save run record file(s) as the baseline of a commit");
  add_common_options(*save, state->common, false);
  save->add_option("--commit", state->save.commit,
                   "Commit the records belong to (default: the record's own commit, else HEAD)");
  save->add_option("--testbed", state->save.testbed,
                   std::string("Testbed name (overrides the record's; for a record that names "
                               "none the default is ") +
                       kThisMachineTestbed + ")");
  save->add_option("RECORD.json", state->save.files,
                   "Run record file(s) written by `benchgate run`")
      ->required()
      ->check(CLI::ExistingFile);
  set_help_sections(*save,
                    {{"benchgate baseline save --commit HEAD base.json",
                      "record base.json as HEAD's baseline in git notes"},
                     {"benchgate baseline save --store dir:baselines --testbed ci-x86 run.json",
                      "into a directory store, under another testbed"}});
  on(save, [](BaselineState& s) { return run_baseline_save(s.common, s.save); });

  auto* show = baseline->add_subcommand("show", "Print the records stored for a commit");
  add_common_options(*show, state->common, true);
  show->add_option("--commit", state->show.commit, "Commit to show")->capture_default_str();
  set_help_sections(*show,
                    {{"benchgate baseline show --commit origin/main",
                      "the records of every testbed stored for origin/main"},
                     {"benchgate baseline show --commit HEAD~1 --testbed ci-x86 --format json",
                      "one testbed's records, in full"}});
  show->add_option("--testbed", state->show.testbed,
                   "Only records of this testbed (default: every testbed stored there)");
  on(show, [](BaselineState& s) { return run_baseline_show(s.common, s.show); });

  auto* list = baseline->add_subcommand(
      "list", "List annotated commits: date, testbeds, record and benchmark counts");
  add_common_options(*list, state->common, true);
  set_help_sections(*list, {{"benchgate baseline list", "commits with records in git notes"},
                            {"benchgate baseline list --store dir:baselines --format json",
                             "those of a directory store, as JSON"}});
  on(list, [](BaselineState& s) { return run_baseline_list(s.common); });

  auto* find = baseline->add_subcommand(
      "find",
      "Which commit would serve as baseline for HEAD: the merge-base with --base, then its nearest "
      "first-parent ancestor with a record for the testbed");
  add_common_options(*find, state->common, true);
  set_help_sections(
      *find, {{"benchgate baseline find --base main",
               "the nearest recorded ancestor of main's merge-base with HEAD on this machine"},
              {"benchgate baseline find --base origin/main --testbed ci-x86 --window 5",
               "the five nearest of another testbed, as `gate --window 5` pools them"}});
  find->add_option("--base", state->find.base, "Target branch or commit the change merges into")
      ->required();
  find->add_option("--head", state->find.head, "Head revision")->capture_default_str();
  find->add_option(
      "--testbed", state->find.testbed,
      std::string("Testbed whose records count (default: ") + kThisMachineTestbed + ")");
  find->add_option("--max-distance", state->find.max_distance,
                   "How many first-parent commits below the merge-base to search")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  find->add_option("--window", state->find.window, "Collect this many recorded ancestors (pooling)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  find->add_option("--baselines-from", state->find.baselines_from,
                   "Which records count: target-branch (made on the default branch or on --base's "
                   "branch, or saved by hand) or any, as in `benchgate gate`")
      ->check(CLI::IsMember({"target-branch", "any"}))
      ->capture_default_str();
  on(find, [](BaselineState& s) { return run_baseline_find(s.common, s.find); });

  auto* prune = baseline->add_subcommand("prune", "Remove all but the newest N annotated commits");
  add_common_options(*prune, state->common, false);
  set_help_sections(*prune, {{"benchgate baseline prune --keep 500",
                              "keep the 500 newest annotated commits, remove the rest"}});
  prune->add_option("--keep", state->keep, "How many annotated commits to keep")->required();
  on(prune, [](BaselineState& s) { return run_baseline_prune(s.common, s.keep); });

  const char* credentials =
      " Credentials: a token in the remote URL, or BENCHGATE_GIT_TOKEN (+ BENCHGATE_GIT_USERNAME), "
      "or git config http.extraheader, or ssh-agent; never printed.";
  auto* push = baseline->add_subcommand(
      "push", std::string("Fetch, merge and push the baseline notes to a remote (retries when "
                          "someone pushed in between; fails loudly when the server rejects).") +
                  credentials);
  add_common_options(*push, state->common, false);
  set_help_sections(*push,
                    {{"benchgate baseline push", "share the baselines with origin"},
                     {"benchgate baseline push --remote upstream --store git:refs/notes/perf",
                      "another notes ref, to another remote"}});
  push->add_option("--remote", state->remote, "Remote name")->capture_default_str();
  on(push, [](BaselineState& s) { return run_baseline_push(s.common, s.remote); });

  auto* fetch = baseline->add_subcommand(
      "fetch",
      std::string("Fetch the remote's baseline notes and merge them into the local ones.") +
          credentials);
  add_common_options(*fetch, state->common, false);
  set_help_sections(*fetch,
                    {{"benchgate baseline fetch", "merge origin's baselines into ours"},
                     {"benchgate baseline fetch --remote upstream", "from another remote"}});
  fetch->add_option("--remote", state->remote, "Remote name")->capture_default_str();
  on(fetch, [](BaselineState& s) { return run_baseline_fetch(s.common, s.remote); });
}

}  // namespace benchgate::cli
