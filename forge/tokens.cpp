#include "forge/tokens.h"

#include <fmt/format.h>

namespace benchgate::forge {

std::optional<Secret> token_from_env(const Environment& env, std::string_view name) {
  auto value = non_empty(env, name);
  if (!value) return std::nullopt;
  return Secret(std::move(*value));
}

std::string explain_missing_gitlab_token(const Environment& env, std::string_view token_env) {
  std::string text =
      fmt::format("no GitLab token for merge request notes: ${} is not set", token_env);
  if (non_empty(env, "CI_JOB_TOKEN"))
    text +=
        "; only CI_JOB_TOKEN is available, and it cannot post merge request notes (GitLab "
        "does not allow the job token on the Notes API)";
  text += fmt::format(
      ". Create a project access token with the `api` scope (role Reporter or higher), store it "
      "as a masked CI/CD variable named {}, and the report will be posted as a note. The JUnit "
      "report and the files in the output folder are written regardless.",
      token_env);
  return text;
}

}  // namespace benchgate::forge
