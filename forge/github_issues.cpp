// GithubClient's alert issue (docs/history.md#alerts-on-the-default-branch), beside the PR comment
// in github.cpp: the same finder and upsert, over the repository's issues instead of a PR's
// comments.
#include <fmt/format.h>

#include "forge/api_json.h"
#include "forge/github.h"
#include "forge/sticky_comment.h"
#include "forge/url.h"

namespace benchgate::forge {

UpsertResult GithubClient::upsert_issue(std::span<const std::string> markers,
                                        std::string_view title, std::string_view body) {
  const IssueText text = issue_text(markers, title, body, http_.redactor(), kGithubIssueLimit);
  const std::string login = current_login();
  const std::string request_body = to_request_body({{"title", text.title}, {"body", text.body}});
  StickyOperations operations;
  // state=all: an issue somebody closed is found, and then left closed rather than duplicated.
  // creator= keeps the pages to our own issues; find_sticky checks the author again anyway.
  operations.find = [&] {
    return find_ours(fmt::format("/repos/{}/issues?state=all&creator={}&per_page=100", repo_,
                                 percent_encode(login)),
                     fmt::format("issues of {} by {}", repo_, login), kGithubIssueFields, markers,
                     login);
  };
  operations.update = [&](long long number) {
    const std::string what = fmt::format("updating issue #{}", number);
    return parse_written_comment(
        http_.send_ok(what, "PATCH", fmt::format("/repos/{}/issues/{}", repo_, number),
                      request_body),
        false, what, kGithubIssueFields);
  };
  operations.create = [&] {
    const std::string what = fmt::format("opening an issue in {}", repo_);
    return parse_written_comment(
        http_.send_ok(what, "POST", fmt::format("/repos/{}/issues", repo_), request_body), true,
        what, kGithubIssueFields);
  };
  operations.log = [&](std::string_view line) { http_.log(line); };
  return upsert_sticky(operations);
}

}  // namespace benchgate::forge
