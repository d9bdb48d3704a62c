#include "cli/cpus_flag.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "process/cpu_affinity.h"

namespace benchgate::cli {

runner::CpuSetting parse_cpus_flag(std::string_view text, std::string_view flag) {
  try {
    return runner::parse_cpu_setting(text, process::allowed_cpus());
  } catch (const InputError& e) {
    throw InputError(fmt::format("{} {}", flag, e.what()));
  }
}

}  // namespace benchgate::cli
