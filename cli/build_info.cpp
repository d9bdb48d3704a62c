#include "cli/build_info.h"

#include <fmt/format.h>

#include "core/version.h"

namespace benchgate::cli {

std::string version_line() {
  return fmt::format("benchgate {} (commit {}, {} build)", kVersion, kBuildCommit, kBuildType);
}

}  // namespace benchgate::cli
