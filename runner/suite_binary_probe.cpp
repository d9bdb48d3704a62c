#include "runner/suite_binary_probe.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string_view>

#include "runner/gbench_args.h"
#include "runner/suite_catch2.h"

namespace benchgate::runner {
namespace {

// Executables bigger than this are not scanned (debug builds of huge projects); detection then
// falls back to --format.
constexpr std::uintmax_t kMaxScanBytes = 512u << 20;

// The C-string that starts with `marker` somewhere in `data`.
std::string string_at(std::string_view data, std::string_view marker) {
  auto pos = data.find(marker);
  if (pos == std::string_view::npos) return {};
  auto end = data.find('\0', pos);
  if (end == std::string_view::npos || end - pos > 200)
    end = pos + std::min<size_t>(200, data.size() - pos);
  return std::string(data.substr(pos, end - pos));
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string::npos) {
    if (access(program.c_str(), X_OK) == 0) return std::filesystem::path(program);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
    std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return std::nullopt;
}

BinaryProbe probe_binary(const std::string& program) {
  BinaryProbe probe;
  auto resolved = find_program(program);
  if (!resolved) return probe;
  probe.resolved = *resolved;
  std::error_code ec;
  auto size = std::filesystem::file_size(*resolved, ec);
  if (ec || size > kMaxScanBytes) return probe;
  std::ifstream in(*resolved, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  probe.links_google_benchmark = gbench::links_google_benchmark(data);
  probe.links_catch2 = !probe.links_google_benchmark && links_catch2(data);
  probe.compiler = string_at(data, "GCC: (");
  if (probe.compiler.empty()) probe.compiler = string_at(data, "clang version ");
  return probe;
}

}  // namespace benchgate::runner
