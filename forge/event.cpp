#include "forge/event.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "forge/ascii.h"

namespace benchgate::forge {
namespace {

namespace jf = json_field;

// The string at `path` ("pull_request.head.sha") in `payload`.
std::string string_at(const nlohmann::json& payload, std::string_view path) {
  const nlohmann::json* node = &payload;
  std::string where;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string key(
        path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    node = &jf::member(*node, key.c_str(), where);
    where += (where.empty() ? "" : ".") + key;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return jf::string(*node, where);
}

std::string sha_at(const nlohmann::json& payload, std::string_view path) {
  std::string sha = string_at(payload, path);
  if (!is_commit_sha(sha))
    throw InputError(fmt::format("field `{}`: `{}` is not a commit id", path, sha));
  return sha;
}

// head.repo is null when the fork has been deleted.
std::string repo_name_at(const nlohmann::json& side, const std::string& where) {
  const auto* repo = jf::optional_member(side, "repo", where);
  if (repo == nullptr || repo->is_null()) return {};
  return jf::string(jf::member(*repo, "full_name", where + ".repo"), where + ".repo.full_name");
}

GithubPullRequest parse_pull_request(const nlohmann::json& payload) {
  GithubPullRequest pr;
  const auto& pull = jf::object(jf::member(payload, "pull_request", ""), "pull_request");
  pr.number = jf::integer(jf::member(pull, "number", "pull_request"), "pull_request.number");
  if (pr.number <= 0)
    throw InputError(fmt::format("field `pull_request.number`: {} is not a PR number", pr.number));
  pr.head_sha = sha_at(payload, "pull_request.head.sha");
  pr.head_ref = string_at(payload, "pull_request.head.ref");
  pr.head_repo = repo_name_at(jf::member(pull, "head", "pull_request"), "pull_request.head");
  pr.base_sha = sha_at(payload, "pull_request.base.sha");
  pr.base_ref = string_at(payload, "pull_request.base.ref");
  pr.base_repo = repo_name_at(jf::member(pull, "base", "pull_request"), "pull_request.base");
  if (pr.base_repo.empty()) throw InputError("field `pull_request.base.repo`: missing (null)");
  return pr;
}

GithubPush parse_push(const nlohmann::json& payload) {
  GithubPush push;
  push.ref = string_at(payload, "ref");
  push.before = sha_at(payload, "before");
  push.after = sha_at(payload, "after");
  push.default_branch = string_at(payload, "repository.default_branch");
  return push;
}

// Optional in other events' payloads; present, they must be strings.
void read_ref_and_default_branch(const nlohmann::json& payload, GithubEvent& event) {
  if (const auto* ref = jf::optional_member(payload, "ref", ""); ref && !ref->is_null())
    event.ref = jf::string(*ref, "ref");
  if (const auto* repo = jf::optional_member(payload, "repository", "");
      repo && repo->is_object()) {
    if (const auto* branch = jf::optional_member(*repo, "default_branch", "repository");
        branch && !branch->is_null())
      event.default_branch = jf::string(*branch, "repository.default_branch");
  }
}

std::string required(const Environment& env, std::string_view name, std::string_view why) {
  auto value = non_empty(env, name);
  if (!value) throw InputError(fmt::format("${} is not set ({})", name, why));
  return *value;
}

}  // namespace

CiKind detect_ci(const Environment& env) {
  if (env("GITHUB_ACTIONS") == "true") return CiKind::kGithubActions;
  if (env("GITLAB_CI") == "true") return CiKind::kGitlabCi;
  return CiKind::kLocal;
}

GithubEvent parse_github_event(std::string_view event_name, const nlohmann::json& payload,
                               std::string_view source) {
  GithubEvent event;
  event.name = std::string(event_name);
  try {
    jf::object(payload, "(payload)");
    if (event_name == "pull_request" || event_name == "pull_request_target")
      event.pull_request = parse_pull_request(payload);
    else if (event_name == "push")
      event.push = parse_push(payload);
    else
      read_ref_and_default_branch(payload, event);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {} event payload: {}", source, event_name, e.what()));
  }
  return event;
}

GithubContext read_github_context(const Environment& env) {
  GithubContext context;
  context.api_url = non_empty(env, "GITHUB_API_URL").value_or("https://api.github.com");
  context.repository = required(env, "GITHUB_REPOSITORY", "expected owner/name in GitHub Actions");
  context.sha = non_empty(env, "GITHUB_SHA").value_or("");
  context.ref = non_empty(env, "GITHUB_REF").value_or("");
  context.server_url = non_empty(env, "GITHUB_SERVER_URL").value_or("https://github.com");
  context.run_id = non_empty(env, "GITHUB_RUN_ID").value_or("");
  if (auto summary = non_empty(env, "GITHUB_STEP_SUMMARY")) context.step_summary = *summary;
  const std::string name = required(env, "GITHUB_EVENT_NAME", "set by GitHub Actions");
  const std::string path = required(env, "GITHUB_EVENT_PATH", "set by GitHub Actions");
  context.event = parse_github_event(name, read_json_file(path), path);
  return context;
}

GitlabContext read_gitlab_context(const Environment& env) {
  GitlabContext context;
  context.api_url = required(env, "CI_API_V4_URL", "set by GitLab CI");
  context.project_id = required(env, "CI_PROJECT_ID", "set by GitLab CI");
  context.commit_sha = required(env, "CI_COMMIT_SHA", "set by GitLab CI");
  context.commit_branch = non_empty(env, "CI_COMMIT_BRANCH").value_or("");
  context.default_branch = non_empty(env, "CI_DEFAULT_BRANCH").value_or("");
  if (auto iid = non_empty(env, "CI_MERGE_REQUEST_IID")) {
    GitlabMergeRequest mr;
    if (!std::all_of(iid->begin(), iid->end(), [](unsigned char c) { return std::isdigit(c); }) ||
        iid->size() > 12 || std::stoll(*iid) <= 0)
      throw InputError(
          fmt::format("$CI_MERGE_REQUEST_IID: `{}` is not a merge request number", *iid));
    mr.iid = std::stoll(*iid);
    mr.diff_base_sha = non_empty(env, "CI_MERGE_REQUEST_DIFF_BASE_SHA").value_or("");
    if (!mr.diff_base_sha.empty() && !is_commit_sha(mr.diff_base_sha))
      throw InputError(fmt::format("$CI_MERGE_REQUEST_DIFF_BASE_SHA: `{}` is not a commit id",
                                   mr.diff_base_sha));
    mr.source_branch = non_empty(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME").value_or("");
    mr.target_branch = non_empty(env, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME").value_or("");
    mr.source_project_id = non_empty(env, "CI_MERGE_REQUEST_SOURCE_PROJECT_ID").value_or("");
    mr.project_id = non_empty(env, "CI_MERGE_REQUEST_PROJECT_ID").value_or(context.project_id);
    context.merge_request = std::move(mr);
  }
  return context;
}

}  // namespace benchgate::forge
