#pragma once
// Runs a real child process for tests (the benchgate binary, git, python3 with scipy) and
// captures what it printed and how it ended.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace benchgate::testing {

struct ProcessResult {
  int exit_code = -1;  // exit status, or 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::optional<std::filesystem::path> cwd;
  std::string stdin_text;
  std::map<std::string, std::string> env;  // added to (or overriding) the current environment
  std::vector<std::string> unset_env;
  int timeout_seconds = 120;  // killed (SIGKILL) after this; exit_code is then 128 + 9
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Path of the built `benchgate` binary (from BENCHGATE_BINARY_DIR set by CTest).
std::filesystem::path benchgate_binary();
// A test program built in the build tree: tests/<module>/programs/<name>.
std::filesystem::path test_program(const std::string& module, const std::string& name);
// Path of the source tree (BENCHGATE_SOURCE_DIR set by CTest).
std::filesystem::path source_dir();
// Runs benchgate with these arguments.
ProcessResult run_benchgate(const std::vector<std::string>& args,
                            const ProcessOptions& options = {});

}  // namespace benchgate::testing
