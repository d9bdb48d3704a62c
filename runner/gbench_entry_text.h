#pragma once
// The fast path's gather (gbench_entry.h): one entry of `benchmarks` read from the text with
// simdjson. Like every fast path (core/fast_json.h) it gives up on what nlohmann might read
// differently; here also a repeated key, of which the document reader keeps the last.
#include "core/fast_json.h"
#include "runner/gbench_entry.h"

namespace benchgate::runner::gbench {

// Fills `entry` from `object`, an element of the top-level `benchmarks` array. Every member is
// checked as nlohmann would read it, also those not needed.
void gather(fast_json::od::value& object, Entry& entry);

}  // namespace benchgate::runner::gbench
