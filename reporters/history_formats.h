#pragma once
// `benchgate history` as text (docs/history.md#benchgate-history): a console overview, the whole
// History as JSON, and one CSV row per point. Formatting only: the order of the series (worst
// movers first) and every number come from history/.
#include <string>

#include "core/history.h"

namespace benchgate::report {

// One line per series (a sparkline of its last points, the last level, the most recent change)
// and its change points under it; untrusted names cleaned for a terminal.
std::string format_history_console(const History& history);
// The whole History; schema in docs/history.md.
std::string format_history_json(const History& history);
// A header and one row per point; cells quoted as RFC 4180 asks, and cells a spreadsheet would
// run as a formula prefixed with a quote.
std::string format_history_csv(const History& history);

}  // namespace benchgate::report
