#include "cli/history_alert.h"

#include <fmt/format.h>

#include "core/credentials.h"
#include "core/errors.h"
#include "history/alert_publish.h"

namespace benchgate::cli {

void add_alert_options(CLI::App& command, AlertFlags& f) {
  command.add_flag("--alert", f.alert,
                   "Open or update a GitHub/GitLab issue for each recent change point (run it on "
                   "the default branch; docs/history.md#alerts-on-the-default-branch)");
  command
      .add_option("--alert-window", f.window,
                  "With --alert: a change alerts while its first job after the change is among "
                  "the last W jobs of its series")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command.add_flag("--alert-improvements", f.improvements,
                   "With --alert: improvements open issues too (default: regressions only)");
  command
      .add_option("--alert-forge", f.forge,
                  "With --alert: auto (from the CI environment), github or gitlab")
      ->check(CLI::IsMember({"auto", "github", "gitlab"}))
      ->capture_default_str();
  command
      .add_option("--token-env", f.token_env,
                  "With --alert: environment variable holding the forge token (default "
                  "GITHUB_TOKEN, BENCHGATE_GITLAB_TOKEN)")
      // Out of the environment as soon as it is named (core/credentials.h).
      ->each([](const std::string& name) { withdraw_from_environment(name); });
  command.add_option("--ca-file", f.ca_file,
                     "PEM bundle to verify the forge's TLS certificate with, instead of the "
                     "system's");
  command.add_flag("--allow-insecure-http", f.allow_insecure_http,
                   "Send the token to an http:// API URL (a local test server); refused otherwise");
}

int run_history_alerts(const History& history, const AlertFlags& flags,
                       const std::filesystem::path& repo, const forge::Environment& env) {
  if (!flags.alert) return kExitPass;
  history::AlertRequest request;
  request.settings.window = flags.window;
  request.settings.improvements = flags.improvements;
  request.forge = flags.forge == "github"   ? history::AlertForge::kGithub
                  : flags.forge == "gitlab" ? history::AlertForge::kGitlab
                                            : history::AlertForge::kAuto;
  request.token_env = flags.token_env;
  request.ca_file = flags.ca_file;
  request.allow_insecure_http = flags.allow_insecure_http;
  try {
    history::publish_history_alerts(history, request, repo, env);
    return kExitPass;
  } catch (const InputError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", e.what());
    return kExitInputError;
  } catch (const EnvironmentError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", e.what());
    return kExitInternalError;
  }
}

}  // namespace benchgate::cli
