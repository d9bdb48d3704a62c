#include "process/self_executable.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::process {

std::filesystem::path self_executable() {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec)
    throw EnvironmentError(
        fmt::format("cannot find the benchgate executable (/proc/self/exe): {}", ec.message()));
  return path;
}

}  // namespace benchgate::process
