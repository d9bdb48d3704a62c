#include "prepush/hook_install.h"

#include <fstream>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "git/hooks_dir.h"
#include "prepush/hook_script.h"
#include "prepush/pre_push_run.h"

namespace benchgate::prepush {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHookName = "pre-push";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EnvironmentError(fmt::format("cannot read {}", path.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool present_at(const fs::path& path) {
  return fs::exists(fs::symlink_status(path));  // a dangling link is in the way too
}

// A foreign hook makes way only with --force, and is kept as pre-push.before-benchgate.
fs::path keep_foreign_hook(const fs::path& hook, bool force) {
  if (!force)
    throw InputError(fmt::format(
        "{} exists and was not written by benchgate; refusing to overwrite it. Either call "
        "benchgate from it (see \"Chaining with an existing hook\" in docs/ci.md) or pass "
        "--force (the existing hook is then kept as {})",
        hook.string(), kBackupHookName));
  const fs::path backup = hook.parent_path() / kBackupHookName;
  if (present_at(backup))
    throw InputError(fmt::format("{} already exists; move it away before --force replaces {}",
                                 backup.string(), hook.string()));
  fs::rename(hook, backup);
  return backup;
}

}  // namespace

HookChange install_hook(const HookInstallSettings& settings) {
  const git::HooksLocation location = git::hooks_location(settings.repo);
  HookChange change;
  change.hook = location.directory / kHookName;
  change.from_hooks_path = location.from_hooks_path;
  const bool present = present_at(change.hook);
  change.existed = present && is_benchgate_hook(read_text(change.hook));
  if (present && !change.existed) change.kept_as = keep_foreign_hook(change.hook, settings.force);

  std::vector<std::string> args = {"--budget", format_budget(settings.budget_seconds)};
  if (settings.config) {
    args.push_back("--config");
    args.push_back(*settings.config);
  }
  fs::create_directories(location.directory);
  write_file_atomically(change.hook, pre_push_hook_script(settings.benchgate, args));
  fs::permissions(change.hook, fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  return change;
}

HookChange uninstall_hook(const fs::path& repo) {
  const git::HooksLocation location = git::hooks_location(repo);
  HookChange change;
  change.hook = location.directory / kHookName;
  change.from_hooks_path = location.from_hooks_path;
  change.existed = present_at(change.hook);
  if (!change.existed) return change;
  if (!is_benchgate_hook(read_text(change.hook)))
    throw InputError(
        fmt::format("{} was not written by benchgate; left alone", change.hook.string()));
  fs::remove(change.hook);
  const fs::path backup = change.hook.parent_path() / kBackupHookName;
  if (present_at(backup)) {
    fs::rename(backup, change.hook);
    change.restored_from = backup;
  }
  return change;
}

}  // namespace benchgate::prepush
