#include "forge/sticky_comment.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/errors.h"
#include "forge/http_error.h"
#include "forge/text_limits.h"

namespace benchgate::forge {
namespace {

constexpr std::string_view kMarkerStart = "<!-- benchgate:";
constexpr std::string_view kMarkerEnd = " -->";

bool valid_key(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(),
                     [](unsigned char c) {
                       return std::isalnum(c) || c == '.' || c == '_' || c == '/' || c == ':' ||
                              c == '-';
                     }) &&
         key.find("--") == std::string_view::npos;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string sticky_marker(std::string_view key) {
  if (!valid_key(key))
    throw InputError(fmt::format(
        "comment key `{}`: use letters, digits and . _ / : - only (no `--`), at most 200", key));
  return fmt::format("{}{}{}", kMarkerStart, key, kMarkerEnd);
}

void check_sticky_marker(std::string_view marker) {
  if (!marker.starts_with(kMarkerStart) || !marker.ends_with(kMarkerEnd) ||
      !valid_key(marker.substr(kMarkerStart.size(),
                               marker.size() - kMarkerStart.size() - kMarkerEnd.size())))
    throw InputError(fmt::format("comment marker `{}`: expected `<!-- benchgate:KEY -->`", marker));
}

IssueText issue_text(std::span<const std::string> markers, std::string_view title,
                     std::string_view body, const Redactor& redactor, std::size_t max_bytes) {
  if (markers.empty()) throw InputError("an issue needs at least one marker");
  for (const auto& marker : markers) check_sticky_marker(marker);
  if (title.empty()) throw InputError("issue title: must not be empty");
  return {
      std::string(utf8_prefix(redactor.redact(title), 255)),
      sticky_body(fmt::format("{}", fmt::join(markers, "\n")), redactor.redact(body), max_bytes)};
}

std::optional<RemoteComment> find_sticky(const std::vector<RemoteComment>& comments,
                                         std::span<const std::string> markers,
                                         std::string_view our_login) {
  for (const auto& comment : comments) {
    if (comment.system || !equal_ignoring_case(comment.author, our_login)) continue;
    for (const auto& marker : markers)
      if (comment.body.find(marker) != std::string::npos) return comment;
  }
  return std::nullopt;
}

std::optional<long long> find_sticky(const std::vector<RemoteComment>& comments,
                                     std::string_view marker, std::string_view our_login) {
  const std::string markers[] = {std::string(marker)};
  auto found = find_sticky(comments, markers, our_login);
  return found ? std::optional<long long>(found->id) : std::nullopt;
}

std::string sticky_body(std::string_view marker, std::string_view body, std::size_t max_bytes) {
  std::string text = body.find(marker) != std::string_view::npos
                         ? std::string(body)
                         : fmt::format("{}\n{}", marker, body);
  // The marker is at the start (or where the caller put it, which sticky_marker's users keep at
  // the top), so cutting the end never loses it.
  return fit_with_notice(text, max_bytes, [](std::size_t omitted) {
    return fmt::format(
        "\n\n---\n*benchgate: this report was cut to fit the forge's comment size "
        "limit ({} bytes omitted); the full report is in the job's artifacts.*\n",
        omitted);
  });
}

std::optional<RemoteComment> find_sticky_in_pages(
    std::string first_target, const std::function<CommentPage(const std::string&, int)>& fetch,
    std::span<const std::string> markers, std::string_view our_login, int max_pages) {
  std::string target = std::move(first_target);
  for (int page = 1; page <= max_pages; ++page) {
    CommentPage listed = fetch(target, page);
    if (auto found = find_sticky(listed.comments, markers, our_login)) return found;
    if (!listed.next_target) return std::nullopt;
    target = std::move(*listed.next_target);
  }
  throw EnvironmentError(fmt::format(
      "more than {} pages of comments; not posting rather than risking a duplicate", max_pages));
}

UpsertResult upsert_sticky(const StickyOperations& operations) {
  for (int round = 1;; ++round) {
    if (auto found = operations.find()) {
      // A closed issue was closed by a person (fixed, or accepted): reopening or editing it on
      // every later run would overrule them.
      if (found->closed) return UpsertResult{false, true, found->id, found->url};
      return operations.update(found->id);
    }
    try {
      return operations.create();
    } catch (const HttpError& e) {
      bool ambiguous = e.status() == 0 || e.status() >= 500;
      if (round >= 2 || !ambiguous) throw;
      if (operations.log)
        operations.log(
            fmt::format("creating the comment failed ({}); checking whether it went "
                        "through before trying again",
                        e.what()));
    }
  }
}

}  // namespace benchgate::forge
