#pragma once
// The order in which a history is shown: worst movers first. Reporters compute nothing, so the
// order is decided here and the series are handed over already sorted (docs/history.md).
#include <vector>

#include "core/history.h"

namespace benchgate::history {

// How far a series moved, on the log scale: |log ratio| of its most recent change point (0
// without one), then |log(last level / median level)| for series that are equal on the first.
struct Movement {
  double recent_change = 0;
  double last_vs_median = 0;
};
Movement movement_of(const HistorySeries& series);

// Sorts `series` by movement, largest first; ties keep suite/benchmark/metric/testbed order.
void order_worst_movers_first(std::vector<HistorySeries>& series);

}  // namespace benchgate::history
