// `benchgate hook install|uninstall`: manages the repository's pre-push hook (docs/ci.md#pre-push).
// The hook lives where git looks for it (core.hooksPath, else the common git directory's hooks
// folder). A hook benchgate did not write is never overwritten without --force, and never removed.
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/pre_push_budget.h"
#include "core/errors.h"
#include "prepush/hook_install.h"
#include "prepush/pre_push_run.h"
#include "process/self_executable.h"

namespace benchgate::cli {
namespace {

struct HookOptions {
  std::string repo = ".";
  bool force = false;
  double budget_seconds = prepush::kDefaultBudgetSeconds;
  std::optional<std::string> config;
};

std::string where(const prepush::HookChange& change) {
  return change.from_hooks_path ? " (core.hooksPath)" : "";
}

int install_hook(const HookOptions& options) {
  prepush::HookInstallSettings settings;
  settings.repo = options.repo;
  settings.force = options.force;
  settings.budget_seconds = options.budget_seconds;
  settings.config = options.config;
  settings.benchgate = process::self_executable();
  const prepush::HookChange change = prepush::install_hook(settings);
  if (change.kept_as)
    fmt::print(stderr, "benchgate: kept the existing hook as {}\n", change.kept_as->string());
  fmt::print("{} the pre-push hook {}{}: it runs {} pre-push --budget {} before every push\n",
             change.existed ? "updated" : "installed", change.hook.string(), where(change),
             settings.benchgate.string(), prepush::format_budget(options.budget_seconds));
  return kExitPass;
}

int uninstall_hook(const HookOptions& options) {
  const prepush::HookChange change = prepush::uninstall_hook(options.repo);
  if (!change.existed) {
    fmt::print("no pre-push hook at {}{}: nothing to remove\n", change.hook.string(),
               where(change));
    return kExitPass;
  }
  fmt::print("removed the pre-push hook {}\n", change.hook.string());
  if (change.restored_from)
    fmt::print("restored the previous hook from {}\n", change.restored_from->string());
  return kExitPass;
}

}  // namespace

void register_hook_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<HookOptions>();
  auto* hook = app.add_subcommand("hook",
                                  "Install or remove the git pre-push hook that runs "
                                  "`benchgate pre-push` (docs/ci.md#pre-push)");
  hook->require_subcommand(1);

  auto* install = hook->add_subcommand(
      "install", "Write the repository's pre-push hook (respects core.hooksPath)");
  install->add_option("--repo", options->repo, "Repository (default: the current directory's)");
  install->add_flag("--force", options->force,
                    "Replace a pre-push hook benchgate did not write (it is kept as "
                    "pre-push.before-benchgate)");
  add_budget_option(*install, options->budget_seconds);
  install->add_option("-c,--config", options->config,
                      "benchgate.toml for the hook to use (default: the work tree's)");
  install->callback([&action, options] { action = [options] { return install_hook(*options); }; });

  auto* uninstall = hook->add_subcommand(
      "uninstall",
      "Remove the pre-push hook if benchgate wrote it (restoring a hook --force set aside)");
  uninstall->add_option("--repo", options->repo, "Repository (default: the current directory's)");
  uninstall->callback(
      [&action, options] { action = [options] { return uninstall_hook(*options); }; });
}

}  // namespace benchgate::cli
