#pragma once
// `benchgate hook install` / `uninstall` without their command line: writing the repository's
// pre-push hook where git looks for it (core.hooksPath respected), replacing only our own hook
// unless forced, and keeping a foreign hook so that nothing the user wrote is lost.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::prepush {

// Where a forced install keeps the foreign hook it replaces.
inline constexpr const char* kBackupHookName = "pre-push.before-benchgate";

struct HookInstallSettings {
  std::filesystem::path repo = ".";
  bool force = false;  // replace a hook benchgate did not write (kept as kBackupHookName)
  double budget_seconds = 60;
  std::optional<std::string> config;
  std::filesystem::path benchgate;  // the binary the hook calls back
};

struct HookChange {
  std::filesystem::path hook;
  bool from_hooks_path = false;  // the hooks directory is core.hooksPath
  bool existed = false;          // install: our earlier hook was updated; uninstall: one was there
  std::optional<std::filesystem::path> kept_as;        // install: the foreign hook set aside
  std::optional<std::filesystem::path> restored_from;  // uninstall: the foreign hook put back
};

// InputError when a foreign hook is in the way (without `force`) or its backup already exists.
HookChange install_hook(const HookInstallSettings& settings);
// InputError when the hook there was not written by benchgate.
HookChange uninstall_hook(const std::filesystem::path& repo);

}  // namespace benchgate::prepush
