#include "history/alert_publish.h"

#include <memory>

#include <fmt/format.h>

#include "core/errors.h"
#include "forge/access.h"
#include "forge/github.h"
#include "forge/gitlab.h"
#include "forge/tokens.h"
#include "git/repository.h"
#include "history/alert_issues.h"

namespace benchgate::history {
namespace {

forge::CiKind forge_kind(AlertForge choice, const forge::Environment& env) {
  if (choice == AlertForge::kGithub) return forge::CiKind::kGithubActions;
  if (choice == AlertForge::kGitlab) return forge::CiKind::kGitlabCi;
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

IssueUpsert github_issues(const forge::Environment& env, const forge::ForgeAccess& access,
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

IssueUpsert gitlab_issues(const forge::Environment& env, const forge::ForgeAccess& access,
                          std::unique_ptr<forge::GitlabClient>& client) {
  const std::string api = required(env, "CI_API_V4_URL");
  forge::require_secure_transport(api, "CI_API_V4_URL", access.http);
  client = std::make_unique<forge::GitlabClient>(api, *access.token, required(env, "CI_PROJECT_ID"),
                                                 access.http);
  return
      [c = client.get()](std::span<const std::string> markers, std::string_view title,
                         std::string_view body) { return c->upsert_issue(markers, title, body); };
}

void publish(const History& history, const AlertSettings& settings,
             const std::filesystem::path& repo, const forge::Environment& env,
             const forge::ForgeAccess& access, forge::CiKind kind) {
  check_alert_settings(settings);
  if (!access.token)
    throw InputError(
        fmt::format("--alert: ${} is not set; the alerts need a token that may "
                    "write issues (docs/history.md#alerts-on-the-default-branch)",
                    access.token_env));
  std::unique_ptr<forge::GithubClient> github;
  std::unique_ptr<forge::GitlabClient> gitlab;
  const IssueUpsert upsert = kind == forge::CiKind::kGitlabCi ? gitlab_issues(env, access, gitlab)
                                                              : github_issues(env, access, github);
  std::vector<HistoryAlert> alerts = find_alerts(history, settings);
  if (!alerts.empty())
    add_suspects(alerts, history, git::Repository::open(repo), settings.max_suspects);
  publish_alerts(alerts, {history.branch, history.head, history.commit_url_prefix, settings.window},
                 upsert);
}

}  // namespace

void publish_history_alerts(const History& history, const AlertRequest& request,
                            const std::filesystem::path& repo, const forge::Environment& env) {
  forge::ForgeAccess access;
  try {
    const forge::CiKind kind = forge_kind(request.forge, env);
    access = forge::forge_access(kind, request.token_env, request.ca_file,
                                 request.allow_insecure_http, env);
    publish(history, request.settings, repo, env, access, kind);
  } catch (const InputError& e) {
    throw InputError(access.redactor.redact(e.what()));
  } catch (const EnvironmentError& e) {
    throw EnvironmentError(access.redactor.redact(e.what()));
  }
}

}  // namespace benchgate::history
