#pragma once
// `benchgate run --profile` (or `[run] profile = "all"`): after the timing runs, every benchmark
// of every Google Benchmark suite is profiled once more in its own process, and its folded
// profile is written next to the suite's record: `NAME.json` gets
// `NAME.profiles/<benchmark>.folded` (docs/profiles.md#capture).
#include <filesystem>
#include <functional>

#include "runner/config.h"
#include "runner/run_suites.h"

namespace benchgate::gate {

// The directory of the profiles that belong with the record file `record`.
std::filesystem::path profile_directory(const std::filesystem::path& record);

// Profiles the suites of `outcome`; `record_path` says where each suite's record was written.
// Never fails the run: perf missing or refused, or a capture that fails, is a logged warning.
void profile_run_suites(
    const runner::RunOutcome& outcome, const runner::ProfileSettings& settings, bool quiet,
    const std::function<std::filesystem::path(const runner::SuiteRun&)>& record_path);

}  // namespace benchgate::gate
