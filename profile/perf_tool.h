#pragma once
// Running Linux `perf`: is it there and allowed, record a command, turn perf.data into text.
// Every child goes through process/'s run_child (the one place benchgate forks).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace benchgate::profile {

struct PerfAvailability {
  bool usable = false;
  // When not usable: what failed, and the exact fix (one paragraph each, for stderr).
  std::string reason;
  std::string fix;
};

// Tries `perf record -e cpu-clock -g true` in `scratch_dir` (the cheapest real test: version
// checks pass where perf_event_open is refused) and explains a failure: perf missing,
// kernel.perf_event_paranoid too high, or a container without CAP_PERFMON.
PerfAvailability check_perf(const std::string& perf_program,
                            const std::filesystem::path& scratch_dir);

// Bounds on `perf script` (docs/profiles.md#limits): its text is held in memory whole, and a
// damaged perf.data can keep it busy for ever.
struct PerfScriptLimits {
  std::size_t max_output_bytes = std::size_t{2} << 30;  // what text files are rendered up to
  std::chrono::duration<double> timeout = std::chrono::minutes(10);
};

// `perf script -i data` output (demangled, symbol offsets on). Throws EnvironmentError on failure
// or timeout, InputError when its output exceeds the limit (both name the command).
std::string run_perf_script(const std::filesystem::path& data, const std::string& perf_program,
                            const PerfScriptLimits& limits = {});

}  // namespace benchgate::profile
