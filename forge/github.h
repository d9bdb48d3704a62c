#pragma once
// GitHub REST API (v2022-11-28): the sticky PR comment, the check run, the PR lookup that
// `gate publish` uses to refuse a forged PR number, and the alert issue of `history --alert`. Every
// call goes through forge::HttpClient.
//
// Headers sent on every request: `Authorization: Bearer <token>`,
// `Accept: application/vnd.github+json`, `X-GitHub-Api-Version: 2022-11-28`, and a
// `User-Agent` (GitHub rejects requests without one).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "forge/comment_list.h"
#include "forge/http_client.h"
#include "forge/secret.h"
#include "forge/sticky_comment.h"

namespace benchgate::forge {

// The login GitHub Actions' GITHUB_TOKEN writes as. It is an installation token of the
// "github-actions" app: `GET /user` answers 403 "Resource not accessible by integration".
inline constexpr std::string_view kGithubActionsLogin = "github-actions[bot]";
// GitHub's documented maximum for an issue comment body is 65536 characters; we count bytes.
inline constexpr std::size_t kGithubCommentLimit = 65536;
// An issue body has the same documented limit; titles are cut to 255 bytes.
inline constexpr std::size_t kGithubIssueLimit = 65536;
// Check run output.summary and output.text limits (characters; we count bytes).
inline constexpr std::size_t kCheckRunSummaryLimit = 65535;
inline constexpr std::size_t kAnnotationsPerRequest = 50;

enum class CheckConclusion {
  kSuccess,
  kFailure,
  kNeutral,
  kCancelled,
  kSkipped,
  kTimedOut,
  kActionRequired
};
enum class AnnotationLevel { kNotice, kWarning, kFailure };

struct CheckAnnotation {
  std::string path;  // repository-relative file
  int start_line = 1;
  int end_line = 1;
  AnnotationLevel level = AnnotationLevel::kWarning;
  std::string title;    // optional, ≤ 255 bytes kept
  std::string message;  // ≤ 64 KiB kept
};

struct CheckRun {
  std::string head_sha;
  std::string name;  // e.g. "benchgate"
  CheckConclusion conclusion = CheckConclusion::kNeutral;
  std::string title;    // output.title; the name when empty
  std::string summary;  // markdown, cut to kCheckRunSummaryLimit with a note
  std::vector<CheckAnnotation> annotations;
};

struct CheckRunResult {
  bool created = false;
  long long id = 0;
  std::string url;
  int requests = 0;     // 1 POST + one PATCH per further 50 annotations
  std::string warning;  // set instead of throwing when the token may not write checks (403)
};

class GithubClient {
 public:
  // `api_base` as in GITHUB_API_URL (https://api.github.com, https://ghe.example/api/v3);
  // `repo` as in GITHUB_REPOSITORY ("owner/name"). `app_login` is who we are when GET /user is
  // not allowed (an App installation token): github-actions[bot] for GITHUB_TOKEN, or
  // "<app-slug>[bot]" for another GitHub App. Throws InputError for a bad base URL or repo.
  GithubClient(std::string_view api_base, Secret token, std::string_view repo,
               HttpOptions options = {}, std::string app_login = std::string(kGithubActionsLogin));

  // Our login: GET /user, or `app_login` when that answers 403 (installation tokens).
  std::string current_login();

  // Creates or updates the single comment that carries `marker` (see sticky_marker()) and was
  // written by us, looking through every page of the PR's comments. Comments by others that
  // contain the marker are left alone.
  UpsertResult upsert_pr_comment(long long pr_number, std::string_view marker,
                                 std::string_view body);

  // Creates (POST /repos/{o}/{r}/issues) or updates (PATCH .../issues/{number}) the one issue
  // written by us that carries any of `markers`, looking through every page of our issues, open
  // and closed (GET .../issues?state=all&creator=us). A closed one is left alone (left_closed);
  // issues by others that contain a marker are never touched. The markers go first in the body.
  UpsertResult upsert_issue(std::span<const std::string> markers, std::string_view title,
                            std::string_view body);

  // POST /repos/{o}/{r}/check-runs with the first 50 annotations, PATCH with the rest. A 403
  // (token without checks:write — fork PRs, PATs) gives a result with `warning`, not an exception.
  CheckRunResult create_check_run(const CheckRun& run);

  // head.sha of the PR per the API (GET /repos/{o}/{r}/pulls/{n}).
  std::string pull_request_head_sha(long long pr_number);

  const Redactor& redactor() const { return http_.redactor(); }

 private:
  // The first item by `login` carrying one of `markers` in the list at `first_target` (all pages,
  // following the Link header); `listing` names the list in messages.
  std::optional<RemoteComment> find_ours(std::string first_target, std::string_view listing,
                                         CommentFields fields, std::span<const std::string> markers,
                                         const std::string& login);

  HttpClient http_;
  std::string repo_;
  std::string app_login_;
  std::optional<std::string> login_;
};

std::string_view to_string(CheckConclusion conclusion);

}  // namespace benchgate::forge
