#pragma once
// Where the gate runs and what it is gating: GitHub Actions (the event payload at
// $GITHUB_EVENT_PATH), GitLab CI (CI_* variables), or a developer's machine.
//
// On a GitHub pull_request event GITHUB_SHA is a temporary merge commit, so the head and base
// commits come from the payload, never from GITHUB_SHA.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forge/environment.h"

namespace benchgate::forge {

enum class CiKind { kGithubActions, kGitlabCi, kLocal };

// GITHUB_ACTIONS=true → github_actions; GITLAB_CI=true → gitlab_ci; else local.
CiKind detect_ci(const Environment& env);

struct GithubPullRequest {
  long long number = 0;
  std::string head_sha;
  std::string head_ref;
  std::string head_repo;  // "owner/name"; "" when the fork was deleted
  std::string base_sha;
  std::string base_ref;
  std::string base_repo;
  // A PR from another repository: its token is read-only, so we publish via files instead.
  bool from_fork() const { return head_repo != base_repo; }
};

struct GithubPush {
  std::string ref;     // "refs/heads/main"
  std::string before;  // all zeros for a new branch
  std::string after;
  std::string default_branch;  // repository.default_branch
  bool to_default_branch() const { return ref == "refs/heads/" + default_branch; }
};

struct GithubEvent {
  std::string name;                               // GITHUB_EVENT_NAME
  std::optional<GithubPullRequest> pull_request;  // pull_request, pull_request_target
  std::optional<GithubPush> push;                 // push
  // Other events (workflow_dispatch, schedule, ...): the payload's `ref` and
  // `repository.default_branch` when it has them, so a run of the default branch is known as one.
  std::string ref;
  std::string default_branch;
};

// Parses a payload for event `event_name`; `source` (the file) names it in errors. Events other
// than pull_request(_target) and push give neither part. Throws InputError naming the field.
GithubEvent parse_github_event(std::string_view event_name, const nlohmann::json& payload,
                               std::string_view source);

struct GithubContext {
  std::string api_url;     // GITHUB_API_URL, default https://api.github.com
  std::string repository;  // GITHUB_REPOSITORY
  std::string sha;         // GITHUB_SHA (a merge commit on PRs)
  std::string ref;         // GITHUB_REF
  std::string server_url;  // GITHUB_SERVER_URL, default https://github.com
  std::string run_id;      // GITHUB_RUN_ID: the run page lists the uploaded report artifact
  std::optional<std::filesystem::path> step_summary;  // GITHUB_STEP_SUMMARY
  GithubEvent event;
};

// Reads the GITHUB_* variables and the event payload. InputError names the missing variable or
// the malformed payload field.
GithubContext read_github_context(const Environment& env);

struct GitlabMergeRequest {
  long long iid = 0;              // CI_MERGE_REQUEST_IID
  std::string diff_base_sha;      // CI_MERGE_REQUEST_DIFF_BASE_SHA: the merge-base GitLab computed
  std::string source_branch;      // CI_MERGE_REQUEST_SOURCE_BRANCH_NAME
  std::string target_branch;      // CI_MERGE_REQUEST_TARGET_BRANCH_NAME
  std::string source_project_id;  // CI_MERGE_REQUEST_SOURCE_PROJECT_ID
  std::string project_id;         // CI_MERGE_REQUEST_PROJECT_ID
  bool from_fork() const { return !source_project_id.empty() && source_project_id != project_id; }
};

struct GitlabContext {
  std::string api_url;         // CI_API_V4_URL
  std::string project_id;      // CI_PROJECT_ID
  std::string commit_sha;      // CI_COMMIT_SHA
  std::string commit_branch;   // CI_COMMIT_BRANCH ("" in merge request pipelines)
  std::string default_branch;  // CI_DEFAULT_BRANCH
  std::optional<GitlabMergeRequest> merge_request;  // merge request pipelines only
  bool on_default_branch() const {
    return !commit_branch.empty() && commit_branch == default_branch;
  }
};

GitlabContext read_gitlab_context(const Environment& env);

}  // namespace benchgate::forge
