#pragma once
// `--cpus auto|none|LIST` of `benchgate run` and `benchgate ab`
// (docs/configuration.md#cpu-pinning).
#include <string_view>

#include "runner/cpu_setting.h"

namespace benchgate::cli {

// The help text both commands show.
inline constexpr const char* kCpusHelp =
    "Where benchmark processes run: auto (Google Benchmark suites of single-threaded benchmarks "
    "on one CPU, the highest benchgate may use), none, or a list of CPUs, e.g. --cpus 3 or "
    "--cpus 2-3";

// InputError naming the flag and the value for bad syntax or a CPU benchgate may not use.
runner::CpuSetting parse_cpus_flag(std::string_view text, std::string_view flag);

}  // namespace benchgate::cli
