#pragma once
// Reading a forge's list of comments (GitHub issue comments, GitLab notes) or of issues into
// RemoteComments.
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forge/http_response.h"
#include "forge/sticky_comment.h"

namespace benchgate::forge {

// The forge's field names: GitHub `user.login`, GitLab `author.username` (+ `system`); issues are
// addressed by their number (GitHub) / iid (GitLab), and a GitLab issue's text is `description`.
struct CommentFields {
  const char* author_object;
  const char* author_name;
  const char* id = "id";
  const char* body = "body";
  const char* url = "html_url";
};
inline constexpr CommentFields kGithubCommentFields{"user", "login"};
inline constexpr CommentFields kGitlabNoteFields{"author", "username"};
inline constexpr CommentFields kGithubIssueFields{"user", "login", "number", "body", "html_url"};
inline constexpr CommentFields kGitlabIssueFields{"author", "username", "iid", "description",
                                                  "web_url"};

// `list` must be an array of objects with an integer id field; a null author (deleted account) or
// body reads as "", a `state` of "closed" (both forges) marks it closed. Throws EnvironmentError
// naming `request` and the field when malformed.
std::vector<RemoteComment> parse_comment_list(const nlohmann::json& list, CommentFields fields,
                                              std::string_view request);

// The comment (issue) a POST/PATCH/PUT returned: its id field and, when present, its URL field.
UpsertResult parse_written_comment(const HttpResponse& response, bool created,
                                   std::string_view request,
                                   CommentFields fields = kGithubCommentFields);

}  // namespace benchgate::forge
