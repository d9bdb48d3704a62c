// `benchgate hook install|uninstall`: manages the repository's pre-push hook (docs/ci.md#pre-push).
// The hook lives where git looks for it (core.hooksPath, else the common git directory's hooks
// folder). A hook benchgate did not write is never overwritten without --force, and never removed.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/help_sections.h"
#include "cli/pre_push_budget.h"
#include "core/errors.h"
#include "git/repository.h"
#include "prepush/budget_check.h"
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
  bool no_check = false;
};

std::string where(const prepush::HookChange& change) {
  return change.from_hooks_path ? " (core.hooksPath)" : "";
}

// The benchgate.toml the hook will gate with: --config, else the work tree's (none in a bare
// repository or when the file is missing: nothing to check).
std::optional<std::filesystem::path> hook_config(const HookOptions& options) {
  const std::optional<std::filesystem::path> workdir =
      git::Repository::open(options.repo).workdir();
  if (!workdir) return std::nullopt;
  const std::filesystem::path config = prepush::pre_push_config(*workdir, options.config);
  if (!std::filesystem::exists(config)) return std::nullopt;
  return config;
}

// Warns (never fails) when the configured suites would overrun the budget: one trial process per
// suite (docs/ci.md#budget).
void check_budget(const HookOptions& options, const std::filesystem::path& benchgate) {
  if (options.no_check || options.budget_seconds <= 0) return;
  const std::optional<std::filesystem::path> config = hook_config(options);
  if (!config) return;
  fmt::print(stderr,
             "benchgate: timing one process of each suite in {} against the {} budget (skip "
             "with --no-check)\n",
             config->string(), prepush::format_budget(options.budget_seconds));
  prepush::BudgetCheckSettings settings;
  settings.benchgate = benchgate;
  settings.config = *config;
  settings.budget_seconds = options.budget_seconds;
  std::vector<std::string> warnings;
  double seconds = 0;
  try {
    const auto estimates = prepush::estimate_suites(settings);
    seconds = prepush::estimated_seconds(estimates);
    warnings = prepush::budget_warnings(estimates, options.budget_seconds);
  } catch (const std::runtime_error& e) {
    // The hook is installed; a config the check cannot read is the gate's to report on a push.
    fmt::print(stderr, "benchgate: warning: the budget check did not run: {}\n", e.what());
    return;
  }
  for (const std::string& line : warnings) fmt::print(stderr, "benchgate: {}\n", line);
  if (warnings.empty())
    fmt::print(stderr, "benchgate: the suites fit in the budget: ~{:.0f}s of {}\n", seconds,
               prepush::format_budget(options.budget_seconds));
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
  std::fflush(stdout);  // the install line first, then the check's lines (stderr)
  check_budget(options, settings.benchgate);
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
  set_help_sections(*hook, {{"benchgate hook install --budget 5m",
                             "gate every push, the suites in at most 5 minutes"},
                            {"benchgate hook uninstall", "stop gating pushes"}});

  auto* install = hook->add_subcommand(
      "install", "Write the repository's pre-push hook (respects core.hooksPath)");
  install->add_option("--repo", options->repo, "Repository (default: the current directory's)");
  install->add_flag("--force", options->force,
                    "Replace a pre-push hook benchgate did not write (it is kept as "
                    "pre-push.before-benchgate)");
  add_budget_option(*install, options->budget_seconds);
  install->add_option("-c,--config", options->config,
                      "benchgate.toml for the hook to use (default: the work tree's)");
  install->add_flag("--no-check", options->no_check,
                    "Do not time the configured suites against the budget (by default one "
                    "process of each is run, and a warning says when the gate would overrun it)");
  set_help_sections(*install, {{"benchgate hook install --budget 5m",
                                "gate every push, the suites in at most 5 minutes"},
                               {"benchgate hook install --force --config bench/benchgate.toml",
                                "replace another pre-push hook (kept aside); another config"}});
  install->callback([&action, options] { action = [options] { return install_hook(*options); }; });

  auto* uninstall = hook->add_subcommand(
      "uninstall",
      "Remove the pre-push hook if benchgate wrote it (restoring a hook --force set aside)");
  uninstall->add_option("--repo", options->repo, "Repository (default: the current directory's)");
  set_help_sections(*uninstall,
                    {{"benchgate hook uninstall", "remove the hook, restore one set aside"}});
  uninstall->callback(
      [&action, options] { action = [options] { return uninstall_hook(*options); }; });
}

}  // namespace benchgate::cli
