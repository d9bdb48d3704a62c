#pragma once
// The issue an alert on the default branch opens (docs/history.md#alerts-on-the-default-branch):
// its title and Markdown body. Formatting only; every untrusted text (suite, benchmark, metric,
// testbed, unit, commit subjects, the branch) goes through reporters/markdown_escape.h.
#include <string>

#include "core/history_alert.h"

namespace benchgate::report {

// Plain text (forges do not render titles): "Performance regression on main: 3 benchmarks at
// 0123456789ab". Untrusted parts are cleaned, not escaped.
std::string alert_issue_title(const HistoryAlert& alert, const AlertContext& context);

// The issue body: one table row per changed benchmark (change, before/after levels with their
// intervals, p-value), then the suspect commits newest first.
std::string alert_issue_markdown(const HistoryAlert& alert, const AlertContext& context);

}  // namespace benchgate::report
