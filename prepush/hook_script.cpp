#include "prepush/hook_script.h"

#include <fmt/format.h>

#include "process/describe.h"

namespace benchgate::prepush {

std::string pre_push_hook_script(const std::filesystem::path& benchgate,
                                 const std::vector<std::string>& pre_push_args) {
  std::string args = process::shell_quote_command(pre_push_args);
  if (!args.empty()) args += ' ';
  // When benchgate cannot be found at all, the push goes ahead with a warning: a missing tool
  // is an environment problem, not a verdict on the pushed code (docs/ci.md#pre-push).
  return fmt::format(
      "#!/bin/sh\n"
      "{marker}\n"
      "# Written by `benchgate hook install`; `benchgate hook uninstall` removes it.\n"
      "# Gates pushed branches on benchmark regressions (docs/ci.md#pre-push).\n"
      "# Skip once: BENCHGATE_SKIP=1 git push ...   or   git push --no-verify\n"
      "benchgate={binary}\n"
      "if [ ! -x \"$benchgate\" ]; then\n"
      "  installed=$benchgate\n"
      "  benchgate=$(command -v benchgate) || {{\n"
      "    echo \"benchgate pre-push: $installed is gone and benchgate is not in PATH;"
      " the push is not gated\" >&2\n"
      "    exit 0\n"
      "  }}\n"
      "fi\n"
      "exec \"$benchgate\" pre-push {args}\"$@\"\n",
      fmt::arg("marker", kHookMarker),
      fmt::arg("binary", process::shell_quote_command({benchgate.string()})),
      fmt::arg("args", args));
}

bool is_benchgate_hook(std::string_view content) {
  // The marker must be a whole line: a hook that merely mentions it in a longer line is not ours.
  for (auto at = content.find(kHookMarker); at != std::string_view::npos;
       at = content.find(kHookMarker, at + 1)) {
    const std::size_t end = at + kHookMarker.size();
    const bool line_start = at == 0 || content[at - 1] == '\n';
    const bool line_end = end == content.size() || content[end] == '\n' || content[end] == '\r';
    if (line_start && line_end) return true;
  }
  return false;
}

}  // namespace benchgate::prepush
