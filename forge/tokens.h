#pragma once
// Finding the API token in the environment, and explaining plainly when the one we need is not
// there (GitLab's CI_JOB_TOKEN in particular cannot write merge-request notes).
#include <optional>
#include <string>
#include <string_view>

#include "forge/environment.h"
#include "forge/secret.h"

namespace benchgate::forge {

inline constexpr std::string_view kGithubTokenEnv = "GITHUB_TOKEN";
inline constexpr std::string_view kGitlabTokenEnv = "BENCHGATE_GITLAB_TOKEN";

// The token in variable `name`, or nullopt when unset or empty.
std::optional<Secret> token_from_env(const Environment& env, std::string_view name);

// Why no token can post MR notes, for the gate's report: which variable is missing, that
// CI_JOB_TOKEN (if present) cannot post notes, and what token to create instead.
std::string explain_missing_gitlab_token(const Environment& env,
                                         std::string_view token_env = kGitlabTokenEnv);

}  // namespace benchgate::forge
