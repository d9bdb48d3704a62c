#pragma once
// Reading a forge's list of comments (GitHub issue comments, GitLab notes) into RemoteComments.
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forge/http_response.h"
#include "forge/sticky_comment.h"

namespace benchgate::forge {

// The forge's field names: GitHub `user.login`, GitLab `author.username` (+ `system`).
struct CommentFields {
  const char* author_object;
  const char* author_name;
};
inline constexpr CommentFields kGithubCommentFields{"user", "login"};
inline constexpr CommentFields kGitlabNoteFields{"author", "username"};

// `list` must be an array of objects with an integer `id`; a null author (deleted account) or
// body reads as "". Throws EnvironmentError naming `request` and the field when malformed.
std::vector<RemoteComment> parse_comment_list(const nlohmann::json& list, CommentFields fields,
                                              std::string_view request);

// The comment a POST/PATCH/PUT returned: its `id` and, when present, `html_url` (GitHub).
UpsertResult parse_written_comment(const HttpResponse& response, bool created,
                                   std::string_view request);

}  // namespace benchgate::forge
