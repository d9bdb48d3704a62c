#pragma once
// The absolute path of the running benchgate binary: the hook calls back into the binary that
// installed it, and pre-push runs the gate with the binary that is running.
#include <filesystem>
#include <string>

namespace benchgate::process {

// /proc/self/exe resolved; EnvironmentError when it cannot be read.
std::filesystem::path self_executable();

// This process's command line exactly as the kernel has it (/proc/self/cmdline), shell-quoted:
// what run records keep as their `invocation` (a parser only gives back parsed values).
std::string own_command_line();

}  // namespace benchgate::process
