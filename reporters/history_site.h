#pragma once
// The history as a self-contained static site (docs/history.md#the-dashboard): an overview sorted
// by recent change and one chart per series, with the charting library and the data embedded so
// that the pages fetch nothing.
#include <filesystem>

#include "core/history.h"

namespace benchgate::report {

// Writes the site into `directory` (created when missing; files of an earlier site replaced
// atomically). Flame graph files named by HistoryChange::flamegraph are expected to be written
// there by the caller.
void write_history_site(const History& history, const std::filesystem::path& directory);

}  // namespace benchgate::report
