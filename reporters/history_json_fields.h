#pragma once
// The fields that say what a history is of, written the same way by the JSON format and by the
// dashboard's embedded data (docs/history.md#benchgate-history).
#include "core/history.h"
#include "core/json_writer.h"

namespace benchgate::report {

// Writes branch, head, store, commit_url_prefix, commits_walked and shallow into the open object.
void write_history_origin(JsonWriter& w, const History& history);

}  // namespace benchgate::report
