#pragma once
// Alerts on the default branch (docs/history.md#alerts-on-the-default-branch): which change points
// of a History are recent enough to open or update an issue, grouped by commit range, with the
// commits that may have caused them, and the hidden markers that find the issue again.
#include <cstddef>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/history_alert.h"
#include "git/repository.h"

namespace benchgate::history {

struct AlertSettings {
  // A change alerts while its first point after the change is among the last `window` points of
  // its series.
  std::size_t window = 10;
  bool improvements = false;      // improvements alert too (off: regressions only)
  std::size_t max_suspects = 50;  // suspect commits listed (and marked) per alert
};

// Throws InputError for a window of 0 or a suspect limit of 0.
void check_alert_settings(const AlertSettings& settings);

// The alerts of `history`, one per commit range (last_before, first_after), biggest change first
// within each; alerts in the order their first change appears. Suspects are not filled in.
std::vector<HistoryAlert> find_alerts(const History& history, const AlertSettings& settings);

// Fills each alert's suspects: the first-parent commits of its range in `repo`. When the range
// cannot be walked (shallow clone, commit missing), the suspects are first_after alone (with its
// subject from the history) and the alert says the list is incomplete. Alerts whose suspects
// overlap (series recorded on different commits) are then merged into one over the union range.
void add_suspects(std::vector<HistoryAlert>& alerts, const History& history,
                  const git::Repository& repo, std::size_t max_suspects);

// The hidden markers: `<!-- benchgate:alert:<commit> -->` for each listed suspect. An
// issue carrying any of them is this alert's issue, so a range refined on a later run (a subset
// of the old one) or joined by more benchmarks updates it instead of opening another.
std::vector<std::string> alert_markers(const HistoryAlert& alert);

}  // namespace benchgate::history
