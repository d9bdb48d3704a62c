#pragma once
// The differential flame graphs of the dashboard (docs/history.md#the-dashboard): for each change
// point whose two sides — the last point before it and the first after — have a stored profile
// of the same benchmark on the same testbed, the flame graph of before -> after, written into the
// site, and HistoryChange::flamegraph set to its path there.
#include <cstddef>
#include <filesystem>

#include "core/history.h"
#include "store/profile_store.h"

namespace benchgate::history {

// Writes `site`/flamegraphs/*.svg. A change without both profiles keeps an empty flamegraph; one
// whose profiles cannot be read or compared does too, after a warning naming them. Returns the
// number of flame graphs written.
std::size_t write_site_flamegraphs(History& history, const store::ProfileStore& profiles,
                                   const std::filesystem::path& site);

}  // namespace benchgate::history
