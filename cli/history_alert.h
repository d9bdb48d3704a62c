#pragma once
// `benchgate history --alert` (docs/history.md#alerts-on-the-default-branch): the flags, and
// running the alerts of a History against GitHub or GitLab issues. The history command adds the
// flags with add_alert_options and calls run_history_alerts after it has the History.
#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

#include "core/history.h"
#include "forge/environment.h"

namespace benchgate::cli {

struct AlertFlags {
  bool alert = false;
  std::size_t window = 10;
  bool improvements = false;
  std::string forge = "auto";  // auto (from the CI environment), github, gitlab
  std::string token_env;       // empty: GITHUB_TOKEN / BENCHGATE_GITLAB_TOKEN
  std::string ca_file;
  bool allow_insecure_http = false;
};

void add_alert_options(CLI::App& command, AlertFlags& flags);

// With --alert: opens or updates one issue per alert of `history` (suspect commits read from the
// repository at `repo`). Returns the exit code: 0 (also without --alert), 2 for bad settings (no
// forge, repository or token), 3 when git or the forge fails. Errors are printed, redacted.
int run_history_alerts(const History& history, const AlertFlags& flags,
                       const std::filesystem::path& repo,
                       const forge::Environment& env = forge::process_environment());

}  // namespace benchgate::cli
