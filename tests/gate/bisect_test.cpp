// `benchgate bisect` end to end: the real binary in a generated repository of real commits
// (tests/gate/bisect_fixture.h), each commit built in a temporary worktree and measured in
// interleaved rounds of real processes whose timing depends on the commit.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/gate/bisect_fixture.h"
#include "tests/store/git_fixture.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr int kCommits = 16;

// The culprit's position: random, but from a seed printed with every failure and taken from
// BISECT_TEST_SEED when set, so that a failure can be replayed.
unsigned culprit_seed() {
  if (const char* text = std::getenv("BISECT_TEST_SEED")) return std::stoul(text);
  return std::random_device{}();
}

// Factors of kCommits commits with a 10% slowdown from commit `culprit` on.
std::vector<double> factors_with_culprit(int culprit) {
  std::vector<double> factors(kCommits, 1.0);
  for (int i = culprit; i < kCommits; ++i) factors[i] = 1.10;
  return factors;
}

class Bisect : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(tmp_); }

  ProcessResult bisect(const BisectRepo& repo, std::vector<std::string> args) {
    args.insert(args.begin(), "bisect");
    ProcessOptions o = in_dir(repo.path(), {{"TMPDIR", tmp_.string()}}, 300);
    return run_benchgate(args, o);
  }

  // What benchgate left below TMPDIR (worktrees, scratch directories).
  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp_))
      names.push_back(entry.path().filename().string());
    return names;
  }

  TempDir dir_;
  fs::path tmp_ = dir_ / "tmp";
};

TEST_F(Bisect, NamesTheSeededCulpritWithinFiveStepsAndLeavesNothingBehind) {
  const unsigned seed = culprit_seed();
  std::mt19937 rng(seed);
  const int culprit = std::uniform_int_distribution<int>(1, kCommits - 1)(rng);
  SCOPED_TRACE(::testing::Message()
               << "BISECT_TEST_SEED=" << seed << ", culprit commit " << culprit);
  const BisectRepo repo(dir_ / "repo", factors_with_culprit(culprit));
  const fs::path json = dir_ / "bisect.json";
  const auto r =
      bisect(repo, {repo.commits().front(), "HEAD", "--format", "json", "-o", json.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(read_file(json));
  EXPECT_EQ(doc["schema"], "benchgate.bisect/1");
  EXPECT_EQ(doc["outcome"], "found");
  EXPECT_EQ(doc["culprit"], repo.commits()[culprit]) << r.err;
  EXPECT_EQ(doc["hunted"], nlohmann::json::array({"BM_Hunted"})) << "BM_Steady never changes";
  EXPECT_LE(doc["steps"].size(), 5u);
  EXPECT_EQ(doc["path"].size(), static_cast<std::size_t>(kCommits));
  EXPECT_LE(doc["error_bound"].get<double>(), 0.05 + 1e-12);
  EXPECT_EQ(doc["steps"][0]["benchmarks"].size(), 2u) << "step 0 looks at every benchmark";
  for (const auto& step : doc["steps"]) {
    EXPECT_NE(step["verdict"], "inconclusive") << step.dump();
    if (step["step"] == 0) continue;
    ASSERT_EQ(step["benchmarks"].size(), 1u) << "only the hunted one counts: " << step.dump();
    EXPECT_EQ(step["benchmarks"][0]["name"], "BM_Hunted");
  }
  EXPECT_THAT(r.err, HasSubstr("step 0 of 4"));
  EXPECT_THAT(r.err, HasSubstr("commit(s) left"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
  EXPECT_EQ(git(repo.path(), {"worktree", "list"}).find('\n'), std::string::npos);
  EXPECT_EQ(git(repo.path(), {"status", "--porcelain"}), "");

  // The console summary names it too.
  const auto console =
      bisect(repo, {repo.commits().front(), repo.commits().back(), "--benchmark", "Hunted"});
  ASSERT_EQ(console.exit_code, 0) << console.err;
  EXPECT_THAT(console.out, HasSubstr("first bad commit: " + repo.commits()[culprit]));
  EXPECT_THAT(console.out, HasSubstr("error probability <="));
}

TEST_F(Bisect, ReversedOrUnrelatedCommitsAreUsageErrors) {
  const BisectRepo repo(dir_ / "repo", factors_with_culprit(3));
  const auto& c = repo.commits();
  auto r = bisect(repo, {c.back(), c.front()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is newer than BAD"));

  // A commit of a side branch is no first-parent ancestor of main.
  git(repo.path(), {"checkout", "-q", "-b", "side", c[4]});
  const std::string side = commit(repo.path(), "side");
  git(repo.path(), {"checkout", "-q", "main"});
  r = bisect(repo, {side, "main"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is not on the first-parent history of BAD"));

  r = bisect(repo, {"main", "main"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = bisect(repo, {c.front(), "main", "--benchmark", "BM_Nothing"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("--benchmark BM_Nothing: no benchmark of suite core matches it"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(Bisect, NoRegressionBetweenGoodAndBadIsExitOneAndSaysSo) {
  const BisectRepo repo(dir_ / "repo", std::vector<double>(6, 1.0));
  const auto r = bisect(repo, {repo.commits().front(), "main", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["outcome"], "no-regression") << r.out;
  EXPECT_TRUE(doc["culprit"].is_null());
  EXPECT_EQ(doc["steps"].size(), 1u);
  EXPECT_TRUE(doc["hunted"].empty());
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(Bisect, ABudgetThatRunsOutEndsWithTheSmallestRangeSettled) {
  // Every build takes 2 s: GOOD and BAD are built by 4 s, step 0 measures until the 5 s budget
  // ends, and no further step starts.
  const int culprit = 9;
  const BisectRepo repo(dir_ / "repo", factors_with_culprit(culprit), "sleep 2; ");
  const auto r =
      bisect(repo, {repo.commits().front(), "main", "--budget", "5s", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["outcome"], "range") << r.out;
  EXPECT_THAT(doc["stop_reason"].get<std::string>(), HasSubstr("budget"));
  EXPECT_TRUE(doc["culprit"].is_null());
  EXPECT_GE(doc["suspects"].size(), 2u);
  EXPECT_THAT(doc["suspects"], Contains(repo.commits()[culprit]));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(Bisect, CtrlCDuringABuildRemovesEveryWorktree) {
  // Commits from 1 on hang in their build: GOOD (commit 0) is built, BAD's build hangs, so two
  // worktrees exist when SIGINT arrives.
  const fs::path pid_file = dir_ / "build.pid";
  const BisectRepo repo(dir_ / "repo", std::vector<double>(4, 1.0),
                        "if [ \"$(cat counter)\" != 0 ]; then echo $$ > " + pid_file.string() +
                            "; exec sleep 30; fi; ");
  const fs::path err_file = dir_ / "stderr";
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("TMPDIR", tmp_.c_str(), 1);
    if (chdir(repo.path().c_str()) != 0) _exit(126);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int out = open("/dev/null", O_WRONLY);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<std::string> argv = {benchgate_binary().string(), "bisect", repo.commits().front(),
                                     "main"};
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!(fs::exists(pid_file) && fs::file_size(pid_file) > 0) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(fs::exists(pid_file)) << read_file(err_file);
  EXPECT_EQ(leftovers().size(), 2u) << ::testing::PrintToString(leftovers());
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  const std::string err = read_file(err_file);
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 3) << err;
  EXPECT_THAT(err, HasSubstr("interrupted by SIGINT while building"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
  EXPECT_EQ(git(repo.path(), {"worktree", "list"}).find('\n'), std::string::npos);
}

}  // namespace
}  // namespace benchgate::testing
