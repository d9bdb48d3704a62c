#pragma once
// An alert on the default branch as plain data (docs/history.md#alerts-on-the-default-branch):
// the change points of a History that start within its last jobs, grouped by commit range. Made
// by history/alerts.h, rendered into an issue by reporters/history_alert_markdown.h and published
// by forge/; nothing here computes.
#include <cstddef>
#include <string>
#include <vector>

#include "core/history.h"

namespace benchgate {

// One benchmark's change in the alert's range.
struct AlertedChange {
  std::string suite;  // untrusted text, like the names below
  std::string benchmark;
  std::string metric;
  std::string testbed;
  std::string unit;
  HistoryChange change;
  bool regression = true;  // false: an improvement (ratio < 1 for times)
};

// A first-parent commit that may have caused the change.
struct SuspectCommit {
  std::string commit;   // full id
  std::string subject;  // untrusted text
};

struct HistoryAlert {
  std::string
      last_before;  // the suspects are the first-parent commits in (last_before, first_after]
  std::string first_after;
  std::vector<AlertedChange> changes;   // biggest change first
  std::vector<SuspectCommit> suspects;  // newest first, at most the alert's limit
  std::size_t suspects_not_listed = 0;  // beyond that limit
  bool suspects_complete = true;  // false: the walk did not reach last_before (shallow clone...)
};

// What the issue is told besides the alert itself.
struct AlertContext {
  std::string branch;
  std::string head;               // the commit the history walk started from
  std::string commit_url_prefix;  // as in History; empty when unknown
  std::size_t window = 0;         // jobs looked at
};

}  // namespace benchgate
