// pprof files against the real pprof tools, where Go is installed (golang-go): a CPU profile
// written by Go's runtime/pprof is imported and checked against `go tool pprof -traces`, and our
// exported files are opened by `go tool pprof -diff_base`. Skipped, with the reason, without Go.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "profile/profile_loader.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::ProcessOptions;
using benchgate::testing::ProcessResult;
using benchgate::testing::run_benchgate;
using benchgate::testing::run_process;
using benchgate::testing::source_dir;
using benchgate::testing::stacks_of;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using ::testing::HasSubstr;
using Stacks = std::map<std::string, std::uint64_t>;

std::string go_unavailable_reason() {
  const auto result = run_process({"go", "version"});
  return result.exit_code == 0 ? "" : "go is not installed (Debian: golang-go): " + result.err;
}

// `go tool pprof ARGS`, with a private build cache so the test leaves nothing behind.
ProcessResult go_pprof(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"go", "tool", "pprof"});
  ProcessOptions options;
  options.env = {{"GOCACHE", (dir / "gocache").string()}, {"HOME", dir.path().string()}};
  return run_process(args, options);
}

// `pprof -traces` prints each sample as a block: "   COUNT   leaf" then one caller per line,
// blocks separated by "-----------+---...". Returns stack (root first) -> summed count.
Stacks parse_traces(const std::string& text) {
  Stacks stacks;
  std::istringstream lines(text);
  std::string line;
  bool in_block = false;
  std::uint64_t count = 0;
  std::vector<std::string> frames;  // leaf first
  const auto finish = [&] {
    if (frames.empty()) return;
    std::string stack;
    for (auto it = frames.rbegin(); it != frames.rend(); ++it)
      stack += (stack.empty() ? "" : ";") + *it;
    stacks[stack] += count;
    frames.clear();
  };
  while (std::getline(lines, line)) {
    if (line.starts_with("-----------+")) {
      finish();
      in_block = true;
      continue;
    }
    if (!in_block || line.find_first_not_of(' ') == std::string::npos) continue;
    std::istringstream fields(line);
    std::string first;
    fields >> first;
    std::string name;
    if (frames.empty()) {
      count = std::stoull(first);
      std::getline(fields >> std::ws, name);
    } else {
      name = line.substr(line.find_first_not_of(' '));
    }
    if (name.ends_with(" (inline)")) name.resize(name.size() - 9);
    frames.push_back(name);
  }
  finish();
  return stacks;
}

TEST(PprofTools, GoCpuProfileImportsAsGoPprofReadsIt) {
  if (const auto reason = go_unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
  TempDir dir;
  ProcessOptions options;
  options.env = {{"GOCACHE", (dir / "gocache").string()}, {"HOME", dir.path().string()}};
  auto result = run_process({"go", "build", "-o", (dir / "prog").string(),
                             (source_dir() / "tests/profile/programs/go_cpu_profile.go").string()},
                            options);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = run_process({(dir / "prog").string(), (dir / "cpu.pb.gz").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  const auto loaded = load_profile(dir / "cpu.pb.gz");
  EXPECT_EQ(loaded.info.event, "cpu");
  EXPECT_EQ(loaded.info.unit, "samples");
  const auto ours = stacks_of(loaded.trie, kBase);
  ASSERT_FALSE(ours.empty()) << "the Go program recorded no CPU samples";

  result = go_pprof(dir, {"-traces", "-sample_index=samples", (dir / "cpu.pb.gz").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ours, parse_traces(result.out)) << result.out;
  // The inlined `step` is its own frame below `hot`, as pprof shows it.
  bool inlined_seen = false;
  for (const auto& [stack, count] : ours)
    inlined_seen |= stack.find("main.hot;main.step") != std::string::npos;
  EXPECT_TRUE(inlined_seen);
}

TEST(PprofTools, OurFilesOpenInGoPprofDiffBase) {
  if (const auto reason = go_unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
  TempDir dir;
  // The base has no `# event:` line: the export gives both files the head's sample type, or
  // pprof would refuse to merge them.
  write_file(dir / "base.folded", "main;parse 600\nmain;emit 400\n");
  write_file(dir / "head.folded", "# event: cpu-clock\nmain;parse 900\nmain;emit 100\n");
  auto result = run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                               (dir / "head.folded").string(), "--format", "pprof", "-o",
                               (dir / "out/").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;

  result = go_pprof(dir, {"-top", "-diff_base=" + (dir / "out/base.pb.gz").string(),
                          (dir / "out/head.pb.gz").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");  // no symbolisation attempts, no warnings
  EXPECT_THAT(result.out, HasSubstr("Type: cpu-clock"));
  EXPECT_THAT(result.out, ::testing::ContainsRegex("\n +-300 +30\\.00% .* emit\n"));
  EXPECT_THAT(result.out, ::testing::ContainsRegex("\n +300 +30\\.00% .* parse\n"));
}

}  // namespace
}  // namespace benchgate::profile
