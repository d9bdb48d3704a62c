#pragma once
// What `benchgate --version` says beyond the version: the commit and the build type the binary
// was built from. Defined in a file generated at build time (cmake/build_info.cmake), so a new
// commit recompiles that one file only.
#include <string>

namespace benchgate::cli {

extern const char* const kBuildCommit;  // 12 hex digits, "-dirty" if changed; or "unknown"
extern const char* const kBuildType;    // CMAKE_BUILD_TYPE, e.g. "Release"

// "benchgate 0.1.0 (commit 1a2b3c4d5e6f, Release build)".
std::string version_line();

}  // namespace benchgate::cli
