#pragma once
// The history of a branch from a baseline store (docs/history.md): the first-parent walk from the
// branch's head, one point per recorded job of every benchmark x metric x testbed, change points
// per series, and the series ordered worst movers first.
#include "core/history.h"
#include "history/history_query.h"
#include "store/profile_store.h"
#include "store/store.h"

namespace benchgate::history {

// InputError for a branch that does not resolve; EnvironmentError when the repository cannot be
// read. A shallow clone is not an error: the walk stops at its edge, History::shallow is set and
// a note says how to deepen. With `profiles`, points with a stored profile are marked
// (HistoryPoint::has_profile).
History collect_history(const HistoryQuery& query, const store::Store& store,
                        const store::ProfileStore* profiles = nullptr);

}  // namespace benchgate::history
