#pragma once
// GitLab REST API v4: the sticky merge-request note and the alert issue of `history --alert`. Every
// call goes through forge::HttpClient. The token is sent as `PRIVATE-TOKEN` (a
// project/group/personal access token with `api` scope); CI_JOB_TOKEN cannot write notes (see
// forge/tokens.h).
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "forge/comment_list.h"
#include "forge/http_client.h"
#include "forge/secret.h"
#include "forge/sticky_comment.h"

namespace benchgate::forge {

// GitLab's note limit is 1,000,000 characters; we stay well under it and under the 1 MiB request
// bound once JSON escaping has grown the text.
inline constexpr std::size_t kGitlabNoteLimit = 512 * 1024;
// The same bound for an issue description (GitLab allows 1,048,576 characters); titles: 255.
inline constexpr std::size_t kGitlabIssueLimit = kGitlabNoteLimit;

// `project_id` as a path segment: numeric ids as they are, "group/sub/project" percent-encoded
// ("group%2Fsub%2Fproject"); an id that is already encoded (contains '%') is kept.
// Throws InputError for an empty id or one with characters GitLab paths cannot contain.
std::string gitlab_project_segment(std::string_view project_id);

// GitLab's default maximum attachment size is 100 MB; flame graph SVGs are pruned to ≤ 5 MB.
inline constexpr std::size_t kGitlabUploadLimit = 16 * 1024 * 1024;

// A file uploaded to the project (POST /projects/:id/uploads), referenced from notes.
struct UploadedFile {
  std::string url;       // "/uploads/<secret>/<name>", relative to the project's web URL
  std::string markdown;  // "![name](/uploads/<secret>/<name>)", expanded by GitLab in notes
};

class GitlabClient {
 public:
  // `api_base` as in CI_API_V4_URL (https://gitlab.example/api/v4); `project_id` as in
  // CI_PROJECT_ID or a full path. Throws InputError for a bad URL or id.
  GitlabClient(std::string_view api_base, Secret token, std::string_view project_id,
               HttpOptions options = {});

  // GET /user → username.
  std::string current_username();

  // Creates (POST) or updates (PUT) the one note on MR !iid carrying `marker` and written by us;
  // searches every page (x-next-page), ignores system notes and other people's notes.
  UpsertResult upsert_mr_note(long long mr_iid, std::string_view marker, std::string_view body);

  // Creates (POST /projects/:id/issues) or updates (PUT /projects/:id/issues/:iid) the one issue
  // written by us that carries any of `markers`, looking through every page of our issues, open
  // and closed (state all, author_username=us). A closed one is left alone (left_closed); issues
  // by others that contain a marker are never touched. The markers go first in the description.
  UpsertResult upsert_issue(std::span<const std::string> markers, std::string_view title,
                            std::string_view description);

  // Uploads `content` as `filename` for use in merge-request notes. Throws HttpError when GitLab
  // refuses it, InputError when the file exceeds kGitlabUploadLimit.
  UploadedFile upload_file(std::string_view filename, std::string_view content_type,
                           std::string_view content);

  const Redactor& redactor() const { return http_.redactor(); }

 private:
  // The first item by `username` carrying one of `markers` in the list at `path?query` (all
  // pages, following x-next-page); `listing` names the list in messages.
  std::optional<RemoteComment> find_ours(const std::string& path, const std::string& query,
                                         std::string_view listing, CommentFields fields,
                                         std::span<const std::string> markers,
                                         const std::string& username);

  HttpClient http_;
  std::string project_;  // encoded path segment
  std::optional<std::string> username_;
};

}  // namespace benchgate::forge
