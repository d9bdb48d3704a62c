#pragma once
// `cpus` ([run], [[suite]], --cpus): which CPUs the processes of a job run on
// (docs/configuration.md#cpu-pinning). Parsed once into a CpuSetting; what it means for one job
// (the CPUs actually used, or none) is decided by choose_cpus once the suite's benchmarks are
// known.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::runner {

struct CpuSetting {
  enum class Kind {
    kAuto,  // Google Benchmark suites of single-threaded benchmarks: one CPU, the highest allowed
    kNone,  // wherever the scheduler puts them
    kList,  // exactly `cpus`
  };
  Kind kind = Kind::kAuto;
  std::vector<int> cpus;  // kList: ascending, distinct, each one benchgate may use

  bool operator==(const CpuSetting&) const = default;
};

// "auto", "none" or a list like "0", "2-3" or "0,2". InputError (without a prefix: the caller
// names the key or flag) for bad syntax or a CPU not in `allowed` (benchgate's own CPUs).
CpuSetting parse_cpu_setting(std::string_view text, const std::vector<int>& allowed);
std::string to_string(const CpuSetting& setting);

// Whether a Google Benchmark name runs on several threads ("BM_x/threads:4").
bool is_multi_threaded(std::string_view benchmark);

// The CPUs of one job, and why "auto" left it unpinned (empty when it did not).
struct CpuChoice {
  std::optional<std::vector<int>> cpus;  // nullopt: not pinned
  std::string unpinned_because;
};

// `gbench`: whether the suite is driven as Google Benchmark (command suites stay unpinned under
// "auto": their programs may use threads benchgate cannot see). `benchmarks`: every benchmark
// the job runs (both sides of an A/B job); `allowed`: benchgate's own CPUs, ascending.
CpuChoice choose_cpus(const CpuSetting& setting, bool gbench,
                      const std::set<std::string>& benchmarks, const std::vector<int>& allowed);

// What a process's context records under "cpus": the list used ("1", "0,2-3") or "none".
std::string cpus_context_value(const std::optional<std::vector<int>>& cpus);

}  // namespace benchgate::runner
