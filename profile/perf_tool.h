#pragma once
// Running Linux `perf`: is it there and allowed, record a command, turn perf.data into text.
// Every child goes through process/'s run_child (the one place benchgate forks).
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

// `perf script -i data` output (demangled, symbol offsets on). Throws EnvironmentError on failure.
std::string run_perf_script(const std::filesystem::path& data, const std::string& perf_program);

}  // namespace benchgate::profile
