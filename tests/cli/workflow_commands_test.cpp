// Benchmark names cannot issue GitHub Actions workflow commands: inside Actions
// (GITHUB_ACTIONS=true) no line benchgate prints starts with `::`; elsewhere output is unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/gbench_json.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;

// A Google Benchmark file with the crafted names, 3 repetitions each at about `ns`.
void write_gbench(const std::filesystem::path& path, double ns) {
  nlohmann::json benchmarks = nlohmann::json::array();
  for (const char* name : {"::error::pwned", "::add-mask::secret", "::stop-commands::x"})
    for (int r = 0; r < 3; ++r)
      benchmarks.push_back(testing::gbench_repetition(name, r, 3, ns + r));
  nlohmann::json doc = {{"context",
                         {{"date", "2026-01-01"},
                          {"host_name", "h"},
                          {"executable", "x"},
                          {"num_cpus", 2},
                          {"mhz_per_cpu", 1},
                          {"cpu_scaling_enabled", false},
                          {"caches", nlohmann::json::array()},
                          {"library_build_type", "release"}}},
                        {"benchmarks", benchmarks}};
  testing::write_file(path, doc.dump());
}

std::vector<std::string> lines_starting_with_colons(const std::string& text) {
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("::")) found.push_back(line);
  return found;
}

TEST(WorkflowCommands, CraftedBenchmarkNamesCannotStartALineInGithubActions) {
  testing::TempDir dir{"benchgate-workflow-commands"};
  write_gbench(dir / "base.json", 100);
  write_gbench(dir / "head.json", 150);
  const std::vector<std::string> args = {"compare", (dir / "base.json").string(),
                                         (dir / "head.json").string(), "--fail-on", "never"};
  testing::ProcessOptions actions;
  actions.env = {{"GITHUB_ACTIONS", "true"}, {"NO_COLOR", "1"}};
  auto r = testing::run_benchgate(args, actions);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(" ::error::pwned ")) << "the name is still shown";
  EXPECT_THAT(lines_starting_with_colons(r.out), ::testing::IsEmpty()) << r.out;
  EXPECT_THAT(lines_starting_with_colons(r.err), ::testing::IsEmpty()) << r.err;

  // Outside Actions the output is left as it is.
  testing::ProcessOptions terminal;
  terminal.env = {{"NO_COLOR", "1"}};
  terminal.unset_env = {"GITHUB_ACTIONS"};
  auto plain = testing::run_benchgate(args, terminal);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(lines_starting_with_colons(plain.out).size(), 3u) << plain.out;
}

}  // namespace
}  // namespace benchgate
