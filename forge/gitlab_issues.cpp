// GitlabClient's alert issue (docs/history.md#alerts-on-the-default-branch), beside the MR note in
// gitlab.cpp: the same finder and upsert, over the project's issues instead of an MR's notes.
#include <fmt/format.h>

#include "forge/api_json.h"
#include "forge/gitlab.h"
#include "forge/sticky_comment.h"
#include "forge/url.h"

namespace benchgate::forge {

UpsertResult GitlabClient::upsert_issue(std::span<const std::string> markers,
                                        std::string_view title, std::string_view description) {
  const IssueText text =
      issue_text(markers, title, description, http_.redactor(), kGitlabIssueLimit);
  const std::string username = current_username();
  const std::string request_body =
      to_request_body({{"title", text.title}, {"description", text.body}});
  const std::string issues = fmt::format("/projects/{}/issues", project_);
  StickyOperations operations;
  // No state filter (GitLab's default is all): an issue somebody closed is found, and then left
  // closed rather than duplicated. author_username keeps the pages to our own issues;
  // find_sticky checks the author again anyway.
  operations.find = [&] {
    return find_ours(
        issues, fmt::format("scope=all&author_username={}&per_page=100", percent_encode(username)),
        fmt::format("issues by {}", username), kGitlabIssueFields, markers, username);
  };
  operations.update = [&](long long iid) {
    const std::string what = fmt::format("updating issue #{}", iid);
    return parse_written_comment(
        http_.send_ok(what, "PUT", fmt::format("{}/{}", issues, iid), request_body), false, what,
        kGitlabIssueFields);
  };
  operations.create = [&] {
    const std::string what = "opening an issue";
    return parse_written_comment(http_.send_ok(what, "POST", issues, request_body), true, what,
                                 kGitlabIssueFields);
  };
  operations.log = [&](std::string_view line) { http_.log(line); };
  return upsert_sticky(operations);
}

}  // namespace benchgate::forge
