#pragma once
// `benchgate history --alert` without its command line
// (docs/history.md#alerts-on-the-default-branch): the forge chosen, the token read, the alerts of a
// History found, their suspects read from git, and one issue opened or updated per alert.
#include <filesystem>
#include <string>

#include "core/history.h"
#include "forge/environment.h"
#include "history/alerts.h"

namespace benchgate::history {

enum class AlertForge { kAuto, kGithub, kGitlab };  // kAuto: from the CI environment

struct AlertRequest {
  AlertSettings settings;
  AlertForge forge = AlertForge::kAuto;
  std::string token_env;  // empty: GITHUB_TOKEN / BENCHGATE_GITLAB_TOKEN
  std::string ca_file;
  bool allow_insecure_http = false;
};

// Opens or updates one issue per alert of `history` (suspects read from the repository at `repo`).
// InputError for what the user must set (no forge, a missing variable, no token, bad settings);
// EnvironmentError when git or the forge fails. Messages never hold the token.
void publish_history_alerts(const History& history, const AlertRequest& request,
                            const std::filesystem::path& repo, const forge::Environment& env);

}  // namespace benchgate::history
