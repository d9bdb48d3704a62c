#pragma once
// The pre-push hook script `benchgate hook install` writes, and how we recognise our own hook
// again (a marker line), so that install may replace it and uninstall may remove it while any
// other hook is left alone.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::prepush {

// The line that marks a hook as written by benchgate.
inline constexpr std::string_view kHookMarker = "# benchgate-hook: pre-push";

// A POSIX sh script that runs `<benchgate> pre-push <pre_push_args...> "$@"`, falling back to
// `benchgate` in PATH when `benchgate` no longer exists (a rebuilt or moved binary).
std::string pre_push_hook_script(const std::filesystem::path& benchgate,
                                 const std::vector<std::string>& pre_push_args);

// True when `content` is a hook benchgate wrote (it carries the marker line).
bool is_benchgate_hook(std::string_view content);

}  // namespace benchgate::prepush
