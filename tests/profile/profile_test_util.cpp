#include "tests/profile/profile_test_util.h"

#include <cstdlib>
#include <stdexcept>

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

void add_stack(profile::FrameTrie& trie, const std::vector<std::string>& frames, profile::Side side,
               std::uint64_t count) {
  profile::NodeId node = profile::kRootNode;
  for (const auto& frame : frames) node = trie.child(node, trie.intern(frame));
  trie.add_samples(node, side, count);
}

std::map<std::string, std::uint64_t> stacks_of(const profile::FrameTrie& trie, profile::Side side) {
  std::map<std::string, std::uint64_t> stacks;
  for (profile::NodeId id = 1; id < trie.size(); ++id) {
    if (trie.self(id)[side] == 0) continue;
    std::string path;
    for (auto name : trie.path(id))
      path += (path.empty() ? "" : ";") + std::string(trie.name(name));
    stacks[path] += trie.self(id)[side];
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

namespace {

std::string checked_output(const std::vector<std::string>& argv, const std::string& input = "") {
  ProcessOptions options;
  options.stdin_text = input;
  const auto result = run_process(argv, options);
  if (result.exit_code != 0) {
    throw std::runtime_error(argv[0] + " failed (exit " + std::to_string(result.exit_code) +
                             "): " + result.err);
  }
  return result.out;
}

std::vector<std::string> protoc(const std::string& mode) {
  return {"protoc", mode + "=perftools.profiles.Profile",
          "--proto_path=" + (source_dir() / "profile").string(), "proto/profile.proto"};
}

}  // namespace

std::string protoc_encode_profile(const std::string& text_format) {
  return checked_output(protoc("--encode"), text_format);
}

std::string protoc_decode_profile(const std::string& binary) {
  return checked_output(protoc("--decode"), binary);
}

std::string gzip_file(const std::filesystem::path& path) {
  return checked_output({"gzip", "-c", path.string()});
}

std::string gunzip_file(const std::filesystem::path& path) {
  return checked_output({"gzip", "-dc", path.string()});
}

}  // namespace benchgate::testing
