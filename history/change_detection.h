#pragma once
// A series' change points (docs/history.md#change-points): the detector (stats/change_points.h)
// runs on log levels, so a change is a ratio; its segment levels come back in metric units.
#include "core/history.h"
#include "stats/change_points.h"

namespace benchgate::history {

// Fills series.changes. A series with a level that is not positive (a counter that can be 0) has
// no log scale: it gets no change points, and false is returned so the caller can say so.
bool detect_changes(HistorySeries& series, const stats::ChangePointSettings& settings);

}  // namespace benchgate::history
