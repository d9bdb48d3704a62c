#pragma once
// Capture: profile one benchmark of a suite binary in its own process. Profiling runs are never
// timing runs — the runner measures without a profiler, then (when asked) runs each selected
// benchmark once more under the profiler. One small interface (GUIDE §1) so that other
// profilers (e.g. a language's own sampler) can be added as one file.
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

// Google Benchmark's `--benchmark_filter` value that selects exactly `benchmark`: the name
// anchored and with its regex metacharacters (common in "BM_x<int>/8/real_time") escaped.
std::string exact_benchmark_filter(const std::string& benchmark);
// The filter that selects exactly these benchmarks (for re-running the undecided ones).
std::string exact_benchmarks_filter(const std::vector<std::string>& benchmarks);

// Profiles `benchmark` of the Google Benchmark program `command` (argv, the suite's own flags
// included) with a profiler already found usable: one availability check for many benchmarks.
// Throws EnvironmentError when the program or the profiler fails.
Profile capture_benchmark(Profiler& profiler, std::vector<std::string> command,
                          const std::string& benchmark);

// What the runner/gate calls: profile `benchmark` of the Google Benchmark binary `binary`
// (with the suite's other `args`). Returns nullopt when the profiler cannot be used here and
// puts the explanation (reason and fix) in `why_not`, so the caller can carry on without
// profiles.
std::optional<Profile> capture_profile(const std::filesystem::path& binary,
                                       const std::vector<std::string>& args,
                                       const std::string& benchmark, const CaptureOptions& options,
                                       std::string* why_not = nullptr);

}  // namespace benchgate::profile
