#include "tests/profile/profile_test_util.h"

#include <cstdlib>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

std::filesystem::path profile_data(const std::string& name) {
  return source_dir() / "tests" / "data" / "profile" / name;
}

std::filesystem::path test_program(const std::string& name) {
  const char* dir = std::getenv("BENCHGATE_BINARY_DIR");
  return std::filesystem::path(dir ? dir : ".") / "tests" / "profile" / name;
}

std::map<std::string, std::uint64_t> stacks_of(const profile::FrameTrie& trie, profile::Side side) {
  std::map<std::string, std::uint64_t> stacks;
  for (profile::NodeId id = 1; id < trie.size(); ++id) {
    if (trie.node(id).self[side] == 0) continue;
    std::string path;
    for (auto name : trie.path(id))
      path += (path.empty() ? "" : ";") + std::string(trie.name(name));
    stacks[path] += trie.node(id).self[side];
  }
  return stacks;
}

std::string perf_unavailable_reason() {
  TempDir dir("benchgate-perf-probe");
  const auto result = run_process({"perf", "record", "-q", "-e", "cpu-clock", "-g", "-o",
                                   (dir / "probe.data").string(), "--", "true"});
  if (result.exit_code == 0) return "";
  return "perf record -e cpu-clock true failed (exit " + std::to_string(result.exit_code) +
         "): " + result.err;
}

}  // namespace benchgate::testing
