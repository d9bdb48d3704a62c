// `benchgate hook install|uninstall`: manages the repository's pre-push hook (docs/ci.md#pre-push).
// The hook lives where git looks for it (core.hooksPath, else the common git directory's hooks
// folder). A hook benchgate did not write is never overwritten without --force, and never removed.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/pre_push_budget.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "git/hooks_dir.h"
#include "prepush/hook_script.h"
#include "process/self_executable.h"

namespace benchgate::cli {
using prepush::is_benchgate_hook;
using prepush::kHookMarker;
using prepush::pre_push_hook_script;
namespace {

namespace fs = std::filesystem;

constexpr const char* kHookName = "pre-push";
// Where --force keeps a foreign hook it replaces, so that nothing the user wrote is lost.
constexpr const char* kBackupName = "pre-push.before-benchgate";

struct HookOptions {
  std::string repo = ".";
  bool force = false;
  double budget_seconds = kDefaultBudgetSeconds;
  std::optional<std::string> config;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EnvironmentError(fmt::format("cannot read {}", path.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path hook_path(const git::HooksLocation& location) {
  return location.directory / kHookName;
}

std::string where(const git::HooksLocation& location) {
  return location.from_hooks_path ? " (core.hooksPath)" : "";
}

// A foreign hook makes way only with --force, and is kept as pre-push.before-benchgate.
void keep_foreign_hook(const fs::path& hook, const HookOptions& options) {
  if (!options.force)
    throw InputError(fmt::format(
        "{} exists and was not written by benchgate; refusing to overwrite it. Either call "
        "benchgate from it (see \"Chaining with an existing hook\" in docs/ci.md) or pass "
        "--force (the existing hook is then kept as {})",
        hook.string(), kBackupName));
  const fs::path backup = hook.parent_path() / kBackupName;
  if (fs::exists(fs::symlink_status(backup)))
    throw InputError(fmt::format("{} already exists; move it away before --force replaces {}",
                                 backup.string(), hook.string()));
  fs::rename(hook, backup);
  fmt::print(stderr, "benchgate: kept the existing hook as {}\n", backup.string());
}

int install_hook(const HookOptions& options) {
  const git::HooksLocation location = git::hooks_location(options.repo);
  const fs::path hook = hook_path(location);
  const bool exists = fs::exists(fs::symlink_status(hook));
  const bool ours = exists && is_benchgate_hook(read_text(hook));
  if (exists && !ours) keep_foreign_hook(hook, options);

  std::vector<std::string> args = {"--budget", format_budget(options.budget_seconds)};
  if (options.config) {
    args.push_back("--config");
    args.push_back(*options.config);
  }
  const fs::path binary = process::self_executable();
  fs::create_directories(location.directory);
  write_file_atomically(hook, pre_push_hook_script(binary, args));
  fs::permissions(hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  fmt::print("{} the pre-push hook {}{}: it runs {} pre-push --budget {} before every push\n",
             ours ? "updated" : "installed", hook.string(), where(location), binary.string(),
             format_budget(options.budget_seconds));
  return kExitPass;
}

int uninstall_hook(const HookOptions& options) {
  const git::HooksLocation location = git::hooks_location(options.repo);
  const fs::path hook = hook_path(location);
  if (!fs::exists(fs::symlink_status(hook))) {
    fmt::print("no pre-push hook at {}{}: nothing to remove\n", hook.string(), where(location));
    return kExitPass;
  }
  if (!is_benchgate_hook(read_text(hook)))
    throw InputError(fmt::format("{} was not written by benchgate; left alone", hook.string()));
  fs::remove(hook);
  fmt::print("removed the pre-push hook {}\n", hook.string());
  const fs::path backup = hook.parent_path() / kBackupName;
  if (fs::exists(fs::symlink_status(backup))) {
    fs::rename(backup, hook);
    fmt::print("restored the previous hook from {}\n", backup.string());
  }
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
