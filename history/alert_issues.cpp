#include "history/alert_issues.h"

#include "core/log.h"
#include "core/text.h"
#include "history/alerts.h"
#include "reporters/history_alert_markdown.h"

namespace benchgate::history {

std::vector<PublishedAlert> publish_alerts(const std::vector<HistoryAlert>& alerts,
                                           const AlertContext& context, const IssueUpsert& upsert) {
  std::vector<PublishedAlert> published;
  for (const auto& alert : alerts) {
    forge::UpsertResult issue =
        upsert(alert_markers(alert), report::alert_issue_title(alert, context),
               report::alert_issue_markdown(alert, context));
    const std::string where = issue.url.empty() ? "" : " (" + issue.url + ")";
    if (issue.left_closed)
      log_info("alert at {}: issue #{} was closed; left alone{}", short_commit(alert.first_after),
               issue.id, where);
    else
      log_info("alert at {}: {} issue #{}{}", short_commit(alert.first_after),
               issue.created ? "opened" : "updated", issue.id, where);
    published.push_back({alert.first_after, std::move(issue)});
  }
  if (alerts.empty()) log_info("no change point among the last {} jobs: no alert", context.window);
  return published;
}

}  // namespace benchgate::history
