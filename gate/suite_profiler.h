#pragma once
// Profiling the benchmarks of Google Benchmark suites after their timing runs
// (docs/profiles.md#capture): one `perf record` process per benchmark, never during a timing run.
// Shared by `benchgate run --profile` and the gate. Profiling is best effort: when perf cannot
// be used, or one capture fails, the reason is logged and the caller carries on without.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "profile/profiler.h"
#include "runner/config.h"
#include "runner/suite_format.h"

namespace benchgate::gate {

struct CapturedProfile {
  std::string suite;
  std::string benchmark;
  std::string folded;  // folded stacks with their metadata comments (profile/folded_format.h)
  std::uint64_t samples = 0;
};

class SuiteProfiler {
 public:
  // `quiet`: no progress lines (warnings are still printed).
  SuiteProfiler(const runner::ProfileSettings& settings, bool quiet);

  // Whether perf can record here. Checked once; the first "no" prints why and how to fix it.
  bool usable();
  const std::string& why_not() const { return why_not_; }

  // Profiles `benchmark` of `suite` (a Google Benchmark suite) and prints one progress line,
  // "`index`/`count`", naming `destination` when given. A failed capture is a warning: nothing.
  std::optional<CapturedProfile> capture(const runner::SuiteConfig& suite,
                                         const std::string& benchmark, std::size_t index,
                                         std::size_t count, const std::string& destination = {});

 private:
  profile::CaptureOptions options_;
  double min_time_seconds_;
  bool quiet_;
  std::optional<bool> usable_;
  std::string why_not_;
};

// The format `suite` runs in: its `format`, or detected from its binary when that is `auto`
// (kCommand for a suite without a command). Only Google Benchmark suites are profiled, benchmark
// by benchmark.
runner::SuiteFormat suite_format_of(const runner::SuiteConfig& suite);

// Why suite `name`, run as `format` (not Google Benchmark), has no profiles: "suite unit is a
// Catch2 suite: profiles are taken of Google Benchmark suites only".
std::string not_profiled_note(std::string_view name, runner::SuiteFormat format);

// A file name stem for benchmark (or suite) `name`: the name itself when it only has letters,
// digits, '.', '_' and '-'; otherwise those characters kept, the rest '_', plus a short hash of
// the name, so that "BM_x/8" and "BM_x_8" never share a file.
std::string profile_file_stem(const std::string& name);

}  // namespace benchgate::gate
