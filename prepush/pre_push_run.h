#pragma once
// `benchgate pre-push` without its command line (docs/ci.md#pre-push): the refs git is about to
// push, each pushed branch that is checked out gated against the remote's branch (or default
// branch) by `benchgate gate` as a child process, within a time budget. Only a push the gate says
// regresses (or cannot judge because the config is wrong) is blocked.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace benchgate::prepush {

inline constexpr double kDefaultBudgetSeconds = 60;

struct PrePushSettings {
  std::string remote = "origin";
  double budget_seconds = kDefaultBudgetSeconds;  // 0: no limit
  std::optional<std::filesystem::path> config;    // default: benchgate.toml at the top of the tree
  std::optional<std::string> testbed;
  std::optional<std::filesystem::path> report_dir;  // default: .git/benchgate/pre-push
  bool fetch = false;
  std::filesystem::path repository = ".";  // git runs hooks at the top of the work tree
  std::filesystem::path benchgate;         // the executable the gate child runs
  // Where the gate child's output lines go as they come.
  std::function<void(std::string_view)> on_stdout_line, on_stderr_line;
};

enum class PrePushOutcome {
  kPass,        // nothing to gate, everything gated passed, or the gate could not judge
  kRegression,  // a gated branch regressed: block the push
  kInputError,  // the configuration is wrong: block the push
};

// `pushed` is what git wrote to the hook's stdin. Progress and the reason for each decision go to
// the log as "benchgate pre-push: ..." lines. InputError for malformed stdin or a missing
// --config; EnvironmentError when git fails.
PrePushOutcome run_pre_push(const PrePushSettings& settings, std::string_view pushed);

// The benchgate.toml the pre-push gate reads: `given` (--config) made absolute, else
// benchgate.toml at the top of `workdir`. Whether it exists is the caller's question.
std::filesystem::path pre_push_config(const std::filesystem::path& workdir,
                                      const std::optional<std::filesystem::path>& given);

// "60s", "1.5s", "0s": how messages name a budget, and the form the hook script passes back to
// `--budget`.
std::string format_budget(double seconds);

// A line of the pre-push check's own, to the log.
void say(std::string_view message);

}  // namespace benchgate::prepush
