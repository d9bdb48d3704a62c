#pragma once
// A diff as the report model carries it (core/report.h): the top function deltas and where each
// side came from. Reporters format it; `benchgate flamegraph diff --format markdown|json` too.
#include "core/report.h"
#include "profile/profile_diff.h"

namespace benchgate::profile {

FunctionDeltas function_deltas(const ProfileDiff& diff);
ProfileSource profile_source(const ProfileInfo& info);

}  // namespace benchgate::profile
