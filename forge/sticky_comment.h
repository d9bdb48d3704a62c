#pragma once
// The "sticky" report comment shared by GitHub PR comments and GitLab MR notes: one comment per
// suite set, recognised by a hidden HTML marker AND by being written by us, so a rerun edits it
// instead of adding another, and a human quoting the marker is never overwritten.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "forge/redactor.h"

namespace benchgate::forge {

// "<!-- benchgate:KEY -->". KEY: letters, digits and . _ / : - (InputError otherwise), so it can
// neither end the HTML comment early nor collide with another key by prefix.
std::string sticky_marker(std::string_view key);
// Throws InputError unless `marker` has the shape sticky_marker() produces.
void check_sticky_marker(std::string_view marker);

// An alert issue's title and body as sent: the title redacted and cut to 255 bytes, the body
// headed by `markers` (each checked as above, one per line), redacted and cut to `max_bytes`.
// InputError for no markers, a malformed one, or an empty title.
struct IssueText {
  std::string title;
  std::string body;
};
IssueText issue_text(std::span<const std::string> markers, std::string_view title,
                     std::string_view body, const Redactor& redactor, std::size_t max_bytes);

// A comment/note, or an issue, as listed by the forge.
struct RemoteComment {
  long long id = 0;    // comments: the id; issues: the number (GitHub) / iid (GitLab)
  std::string author;  // GitHub login / GitLab username
  std::string body;
  bool system = false;  // GitLab system notes ("added 1 commit") are never ours
  bool closed = false;  // issues: closed by someone; left alone rather than reopened or edited
  std::string url;      // html_url / web_url when listed
};

// The first comment that carries any of `markers` and was written by `our_login`
// (case-insensitive, as both forges treat user names). Several markers: an alert issue is found
// by any commit of its range (docs/history.md#alerts-on-the-default-branch).
std::optional<RemoteComment> find_sticky(const std::vector<RemoteComment>& comments,
                                         std::span<const std::string> markers,
                                         std::string_view our_login);
std::optional<long long> find_sticky(const std::vector<RemoteComment>& comments,
                                     std::string_view marker, std::string_view our_login);

// The text to publish: the marker on the first line (added unless `body` already has it), then
// `body`, cut to `max_bytes` on a UTF-8 boundary with a note saying so.
std::string sticky_body(std::string_view marker, std::string_view body, std::size_t max_bytes);

// What an upsert did.
struct UpsertResult {
  bool created = false;      // false: an existing comment was updated (or left closed)
  bool left_closed = false;  // the item found is a closed issue: not touched
  long long id = 0;
  std::string url;  // html_url / web URL when the forge returned one
};

// One page of a forge's comment list and the request target of the next page, if any.
struct CommentPage {
  std::vector<RemoteComment> comments;
  std::optional<std::string> next_target;
};

// Walks the pages from `first_target` (fetch(target, page_number)) until our marked comment is
// found or the pages end. Throws EnvironmentError past `max_pages`: better no comment than a
// duplicate.
std::optional<RemoteComment> find_sticky_in_pages(
    std::string first_target, const std::function<CommentPage(const std::string&, int)>& fetch,
    std::span<const std::string> markers, std::string_view our_login, int max_pages = 1000);

// The forge-specific steps of an upsert.
struct StickyOperations {
  std::function<std::optional<RemoteComment>()> find;  // our marked comment, if any
  std::function<UpsertResult(long long id)> update;
  std::function<UpsertResult()> create;
  std::function<void(std::string_view)> log;
};

// find → update (nothing when the item found is closed), else create. If the create fails such that
// it may have happened anyway (HTTP 5xx or a connection lost after sending), finds again before
// creating once more, so a retry never leaves two comments.
UpsertResult upsert_sticky(const StickyOperations& operations);

}  // namespace benchgate::forge
