#pragma once
// The absolute path of the running benchgate binary: the hook calls back into the binary that
// installed it, and pre-push runs the gate with the binary that is running.
#include <filesystem>

namespace benchgate::process {

// /proc/self/exe resolved; EnvironmentError when it cannot be read.
std::filesystem::path self_executable();

}  // namespace benchgate::process
