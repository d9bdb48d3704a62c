#include "process/self_executable.h"

#include <fstream>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"

#include "process/describe.h"

namespace benchgate::process {

std::filesystem::path self_executable() {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec)
    throw EnvironmentError(
        fmt::format("cannot find the benchgate executable (/proc/self/exe): {}", ec.message()));
  return path;
}

std::string own_command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> argv;
  for (std::size_t start = 0; start < raw.size();) {
    std::size_t end = raw.find('\0', start);
    if (end == std::string::npos) end = raw.size();
    argv.push_back(raw.substr(start, end - start));
    start = end + 1;
  }
  return shell_quote_command(argv);
}

}  // namespace benchgate::process
