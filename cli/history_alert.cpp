#include "cli/history_alert.h"

#include <fmt/format.h>

#include "core/credentials.h"
#include "core/errors.h"
#include "forge/event.h"
#include "forge/github.h"
#include "forge/gitlab.h"
#include "forge/tokens.h"
#include "gate/gate_forge.h"
#include "git/repository.h"
#include "history/alert_issues.h"
#include "history/alerts.h"

namespace benchgate::cli {
namespace {

forge::CiKind forge_kind(const AlertFlags& flags, const forge::Environment& env) {
  if (flags.forge == "github") return forge::CiKind::kGithubActions;
  if (flags.forge == "gitlab") return forge::CiKind::kGitlabCi;
  forge::CiKind kind = forge::detect_ci(env);
  if (kind == forge::CiKind::kLocal)
    throw InputError(
        "--alert: not running in GitHub Actions or GitLab CI; give --alert-forge github or "
        "gitlab (with GITHUB_REPOSITORY, or CI_API_V4_URL and CI_PROJECT_ID)");
  return kind;
}

std::string required(const forge::Environment& env, std::string_view name) {
  auto value = forge::non_empty(env, name);
  if (!value) throw InputError(fmt::format("--alert: ${} is not set", name));
  return *value;
}

history::IssueUpsert github_issues(const forge::Environment& env, const gate::ForgeAccess& access,
                                   std::unique_ptr<forge::GithubClient>& client) {
  const std::string api =
      forge::non_empty(env, "GITHUB_API_URL").value_or("https://api.github.com");
  forge::require_secure_transport(api, "GITHUB_API_URL", access.http);
  client = std::make_unique<forge::GithubClient>(api, *access.token,
                                                 required(env, "GITHUB_REPOSITORY"), access.http);
  return
      [c = client.get()](std::span<const std::string> markers, std::string_view title,
                         std::string_view body) { return c->upsert_issue(markers, title, body); };
}

history::IssueUpsert gitlab_issues(const forge::Environment& env, const gate::ForgeAccess& access,
                                   std::unique_ptr<forge::GitlabClient>& client) {
  const std::string api = required(env, "CI_API_V4_URL");
  forge::require_secure_transport(api, "CI_API_V4_URL", access.http);
  client = std::make_unique<forge::GitlabClient>(api, *access.token, required(env, "CI_PROJECT_ID"),
                                                 access.http);
  return
      [c = client.get()](std::span<const std::string> markers, std::string_view title,
                         std::string_view body) { return c->upsert_issue(markers, title, body); };
}

void publish(const History& history, const AlertFlags& flags, const std::filesystem::path& repo,
             const forge::Environment& env, const gate::ForgeAccess& access, forge::CiKind kind) {
  const history::AlertSettings settings{flags.window, flags.improvements};
  history::check_alert_settings(settings);
  if (!access.token)
    throw InputError(
        fmt::format("--alert: ${} is not set; the alerts need a token that may "
                    "write issues (docs/history.md#alerts-on-the-default-branch)",
                    access.token_env));
  std::unique_ptr<forge::GithubClient> github;
  std::unique_ptr<forge::GitlabClient> gitlab;
  const history::IssueUpsert upsert = kind == forge::CiKind::kGitlabCi
                                          ? gitlab_issues(env, access, gitlab)
                                          : github_issues(env, access, github);
  std::vector<HistoryAlert> alerts = history::find_alerts(history, settings);
  if (!alerts.empty())
    history::add_suspects(alerts, history, git::Repository::open(repo), settings.max_suspects);
  history::publish_alerts(
      alerts, {history.branch, history.head, history.commit_url_prefix, flags.window}, upsert);
}

}  // namespace

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
  gate::ForgeAccess access;
  try {
    const forge::CiKind kind = forge_kind(flags, env);
    access =
        gate::forge_access(kind, flags.token_env, flags.ca_file, flags.allow_insecure_http, env);
    publish(history, flags, repo, env, access, kind);
    return kExitPass;
  } catch (const InputError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", access.redactor.redact(e.what()));
    return kExitInputError;
  } catch (const EnvironmentError& e) {
    fmt::print(stderr, "benchgate: error: {}\n", access.redactor.redact(e.what()));
    return kExitInternalError;
  }
}

}  // namespace benchgate::cli
