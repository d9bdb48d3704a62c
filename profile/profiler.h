#pragma once
// Capture: profile a program in its own process. Profiling runs are never timing runs — the
// runner measures without a profiler, then (when asked) runs each selected benchmark once more
// under the profiler. The caller passes the command line that runs just that benchmark, so this
// module knows no benchmark library. One small interface so that other profilers (e.g. a
// language's own sampler) can be added as one file.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "profile/profile_info.h"

namespace benchgate::profile {

enum class CallGraph { kFramePointer, kDwarf };

struct CaptureOptions {
  int frequency_hz = 999;  // odd, so sampling does not lock step with 1 ms timers
  CallGraph call_graph = CallGraph::kFramePointer;
  std::string event = "cpu-clock";  // works in VMs and containers where `cycles` does not
  std::string perf_program = "perf";
  std::optional<std::chrono::duration<double>> timeout;
  std::filesystem::path scratch_dir;  // for perf.data; empty = the system temp directory
  std::optional<std::filesystem::path> working_dir;  // where the profiled program runs
};

class Profiler {
 public:
  virtual ~Profiler() = default;
  virtual std::string name() const = 0;
  // Empty when the profiler can be used here; otherwise why not and how to fix it.
  virtual std::optional<std::string> unavailable_reason() = 0;
  // Runs `argv` under the profiler and returns its folded profile. Throws EnvironmentError when
  // the program or the profiler fails.
  virtual Profile record(const std::vector<std::string>& argv) = 0;
};

std::unique_ptr<Profiler> make_perf_profiler(const CaptureOptions& options);

}  // namespace benchgate::profile
