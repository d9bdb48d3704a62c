#pragma once
// Publishing alerts (history/alerts.h) as forge issues: each alert's title and body rendered by
// reporters/history_alert_markdown.h, then one upsert per alert through the forge's issue upsert
// (forge::GithubClient / GitlabClient::upsert_issue), found again by the alert's markers.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/history_alert.h"
#include "forge/sticky_comment.h"

namespace benchgate::history {

// The forge's issue upsert: markers, title, body → what it did.
using IssueUpsert = std::function<forge::UpsertResult(
    std::span<const std::string> markers, std::string_view title, std::string_view body)>;

struct PublishedAlert {
  std::string first_after;
  forge::UpsertResult issue;
};

// Publishes every alert, logging what happened to each issue. Forge errors propagate: the caller
// decides the exit code.
std::vector<PublishedAlert> publish_alerts(const std::vector<HistoryAlert>& alerts,
                                           const AlertContext& context, const IssueUpsert& upsert);

}  // namespace benchgate::history
