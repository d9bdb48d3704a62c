#pragma once
// Which points have a stored profile (HistoryPoint::has_profile), so that the dashboard can offer
// a differential flame graph across a change (docs/history.md#the-dashboard).
#include <vector>

#include "core/history.h"
#include "store/profile_store.h"

namespace benchgate::history {

// Marks every point whose commit has a profile of the series' testbed, suite and benchmark.
// Only the commits of the points that have profile entries are read. Returns how many entries
// had unreadable lines (skipped).
std::size_t mark_profiles(std::vector<HistorySeries>& series, const store::ProfileStore& profiles);

}  // namespace benchgate::history
