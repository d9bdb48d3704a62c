// `benchgate gate --mode interleaved` end to end: a real git repository holding a small CMake
// project (the bundled example suite, examples/suite), the base built by CMake in a temporary
// worktree and head in the repository, both measured in alternating processes by the real
// binary; failing builds, Ctrl-C, and what is stored.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/gate_fixture.h"
#include "tests/profile/profile_test_util.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Release build in build/ of whichever tree it runs in; quiet configure, the build's own lines.
constexpr const char* kCmakeBuild =
    "cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build";

// The project: the bundled example suite (examples/suite) and the calibrated suite of the A/B
// tests (tests/ab/programs/ab_bench.cpp), each its own executable. `slow` turns on both knobs:
// the example's BENCHGATE_EXAMPLE_SLOWDOWN (BM_StringJoin stops reserving its output; only a few
// percent in CPU time on the shared test machine, too little to assert a verdict on in 6 rounds)
// and AB_BENCH_SLOWDOWN_PERCENT=100 (BM_Work does twice the work: a verdict no noise can blur).
std::string cmake_lists(bool slow) {
  const std::string knob = slow ? "1" : "0";
  return "cmake_minimum_required(VERSION 3.16)\n"
         "project(suites CXX)\n"
         "set(CMAKE_CXX_STANDARD 17)\n"
         "find_package(benchmark REQUIRED)\n"
         "find_package(Threads REQUIRED)\n"
         "foreach(suite example_bench ab_bench)\n"
         "  add_executable(${suite} ${suite}.cpp)\n"
         "  target_link_libraries(${suite} PRIVATE benchmark::benchmark Threads::Threads)\n"
         "  target_compile_options(${suite} PRIVATE -O2)\n"
         "endforeach()\n"
         "target_compile_definitions(example_bench PRIVATE BENCHGATE_EXAMPLE_SLOWDOWN=" +
         knob +
         ")\n"
         "target_compile_definitions(ab_bench PRIVATE AB_BENCH_SLOWDOWN_PERCENT=" +
         (slow ? std::string("100") : std::string("0")) + ")\n";
}

std::string config(const std::string& build_command, const std::string& extra_suite_keys = "") {
  std::ostringstream toml;
  toml << "testbed = \"tb\"\n"
       << "[build]\ncommand = '" << build_command << "'\n"
       << "[gate]\nrounds = 8\n"
       << "[[suite]]\nname = \"example\"\n"
       << "command = [\"build/example_bench\", \"--benchmark_min_time=0.02\"]\n"
       << "filter = \"BM_StringJoin|BM_HashBytes\"\nrepetitions = 3\n"
       << extra_suite_keys << "[[suite]]\nname = \"work\"\n"
       << "command = [\"build/ab_bench\", \"--benchmark_min_time=0.01\"]\n"
       << "filter = \"BM_Work|BM_Accumulate\"\nrepetitions = 3\n";
  return toml.str();
}

// The note lines of `commit` under refs/notes/benchgate, parsed.
std::vector<nlohmann::json> note_records(const fs::path& repo, const std::string& commit) {
  std::vector<nlohmann::json> records;
  std::istringstream lines(git(repo, {"notes", "--ref", "benchgate", "show", commit}));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return records;
}

nlohmann::json row(const nlohmann::json& comparison, const std::string& name) {
  for (const auto& r : comparison.at("benchmarks"))
    if (r.at("name") == name) return r;
  return nullptr;
}

bool process_alive(pid_t pid) {
  return kill(pid, 0) == 0;
}

class GateInterleaved : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(tmp_); }

  // Writes the project into the work tree and commits it on the current branch.
  std::string commit_project(bool slow, const std::string& build_command,
                             const std::string& message) {
    write_file(work() / "CMakeLists.txt", cmake_lists(slow));
    for (const char* file : {"example_bench.cpp", "random_numbers.h"})
      fs::copy_file(source_dir() / "examples" / "suite" / file, work() / file,
                    fs::copy_options::overwrite_existing);
    fs::copy_file(source_dir() / "tests" / "ab" / "programs" / "ab_bench.cpp",
                  work() / "ab_bench.cpp", fs::copy_options::overwrite_existing);
    write_file(work() / ".gitignore", "build/\n");
    write_file(work() / "benchgate.toml", config(build_command));
    git(work(), {"add", "-A"});
    return repo_.commit(message);
  }

  // Commits a project whose "build" copies the already built A/B suite (quick, for tests about
  // what the gate does around the measuring): `settings` (top-level keys and [gate]), a [build]
  // command and one suite "work" of BM_Work. Returns the commit.
  std::string commit_copied_suite(const std::string& settings) {
    const fs::path built = test_program("ab", "ab_bench");
    write_file(work() / "benchgate.toml",
               settings + "[build]\ncommand = \"mkdir -p build && cp " + built.string() +
                   " build/\"\n[[suite]]\nname = \"work\"\ncommand = \"build/ab_bench "
                   "--benchmark_min_time=0.005\"\nfilter = \"BM_Work\"\nrepetitions = 2\n");
    write_file(work() / ".gitignore", "build/\n");
    git(work(), {"add", "-A"});
    return repo_.commit("suite");
  }

  ProcessOptions options() const {
    ProcessOptions o;
    o.cwd = work();
    o.unset_env = ci_variables();
    // The worktree goes below TMPDIR: a directory of this test, so leftovers are visible.
    o.env = {{"NO_COLOR", "1"}, {"TMPDIR", tmp_.string()}};
    o.timeout_seconds = 300;
    return o;
  }

  std::vector<std::string> gate_args(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"gate",     "--mode", "interleaved",  "--context",     "local",
                                     "--target", "main",   "--report-dir", report_.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  ProcessResult gate(std::vector<std::string> extra = {}) {
    return run_benchgate(gate_args(std::move(extra)), options());
  }

  // What the gate left in its TMPDIR (the worktrees and the A/B scratch directories).
  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp_))
      names.push_back(entry.path().filename().string());
    return names;
  }

  const fs::path& work() const { return repo_.work(); }

  TempDir dir_{"benchgate-gate-interleaved"};
  GitFixture repo_{dir_.path()};
  fs::path tmp_ = dir_ / "tmp";
  fs::path report_ = dir_ / "report";
};

// The record of `suite` among a commit's note lines.
nlohmann::json suite_record(const std::vector<nlohmann::json>& records, const std::string& suite) {
  for (const auto& r : records)
    if (r["environment"]["suite"] == suite) return r;
  return nullptr;
}

TEST_F(GateInterleaved, BuildsBothSidesCatchesTheSlowdownAndStoresBothSidesPaired) {
  const std::string base = commit_project(false, kCmakeBuild, "suites");
  git(work(), {"push", "-q", "origin", "main"});
  git(work(), {"checkout", "-q", "-b", "topic"});
  const std::string head = commit_project(true, kCmakeBuild, "slower");

  const auto started = Clock::now();
  auto r = gate({"--record", "always"});
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::cout << "[ info ] interleaved gate, two CMake builds, 2 suites x 8 rounds: " << seconds
            << " s\n";
  ASSERT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_THAT(r.err, HasSubstr("base is the merge-base " + base.substr(0, 12)));
  EXPECT_THAT(r.err, HasSubstr("building base (" + base.substr(0, 12) + ")"));
  EXPECT_THAT(r.err, HasSubstr("building head (" + head.substr(0, 12) + ")"));
  EXPECT_THAT(r.err, HasSubstr("[base build] "));
  // 8 rounds, or more when the screening replaced disturbed blocks (up to a quarter: 2).
  EXPECT_THAT(r.err, ::testing::ContainsRegex("round (8/8|10/10)"));
  EXPECT_THAT(r.err, HasSubstr("removed the temporary worktree"));
  // The work suite's 2x slowdown always fails the gate; the example's realistic ~12% one
  // (BM_StringJoin/256) fails it too when the machine is quiet enough to see it in 8 rounds.
  EXPECT_THAT(r.err, ::testing::ContainsRegex("FAIL — suites? (example, )?work\n"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());

  // The verdicts, through the gate's usual reports (one set per suite).
  const auto work_comparison = nlohmann::json::parse(read_file(report_ / "comparison-work.json"));
  EXPECT_EQ(row(work_comparison, "BM_Work")["verdict"], "regression") << r.out;
  EXPECT_EQ(row(work_comparison, "BM_Work")["base_n"], 8);
  EXPECT_NE(row(work_comparison, "BM_Accumulate")["verdict"], "regression") << r.out;
  const auto example = nlohmann::json::parse(read_file(report_ / "comparison-example.json"));
  EXPECT_EQ(row(example, "BM_StringJoin/256")["base_n"], 8) << "the example suite was compared";
  EXPECT_EQ(row(example, "BM_StringJoin/256")["head_n"], 8);
  EXPECT_TRUE(fs::exists(report_ / "interleaved-work" / "noise.json"));

  // The user's repository: same branch, same commit, nothing staged or modified (the base was
  // checked out elsewhere without touching the index), no linked worktree registered.
  EXPECT_EQ(git(work(), {"rev-parse", "HEAD"}), head);
  EXPECT_EQ(git(work(), {"status", "--porcelain"}), "");
  EXPECT_EQ(git(work(), {"worktree", "list"}).find('\n'), std::string::npos);

  // Both sides stored under their commits, marked interleaved, paired by job and round.
  const auto base_records = note_records(work(), base);
  const auto head_records = note_records(work(), head);
  ASSERT_EQ(base_records.size(), 2u) << "one record per suite";
  ASSERT_EQ(head_records.size(), 2u);
  const nlohmann::json b = suite_record(base_records, "work");
  const nlohmann::json h = suite_record(head_records, "work");
  ASSERT_FALSE(b.is_null());
  ASSERT_FALSE(h.is_null());
  EXPECT_EQ(b["git"]["commit"], base);
  EXPECT_EQ(h["git"]["commit"], head);
  EXPECT_EQ(b["testbed"], "tb");
  EXPECT_EQ(b["environment"]["interleaved"]["side"], "base");
  EXPECT_EQ(h["environment"]["interleaved"]["side"], "head");
  EXPECT_EQ(b["environment"]["interleaved"]["job"], h["environment"]["interleaved"]["job"]);
  EXPECT_NE(b["environment"]["interleaved"]["job"],
            suite_record(base_records, "example")["environment"]["interleaved"]["job"])
      << "one job per suite";
  EXPECT_EQ(b["environment"]["interleaved"]["head_commit"], head);
  EXPECT_EQ(h["environment"]["interleaved"]["base_commit"], base);
  // Where they came from: a local run of topic, both sides built with head's configuration.
  EXPECT_EQ(b["environment"]["provenance"]["context"], "local run");
  EXPECT_EQ(b["environment"]["provenance"]["branch"], "topic");
  EXPECT_EQ(b["environment"]["provenance"]["default_branch"], false);
  EXPECT_EQ(b["environment"]["provenance"]["built_by"], head);
  EXPECT_EQ(h["environment"]["provenance"]["built_by"], head);
  const std::size_t run = b["processes"].size();
  ASSERT_TRUE(run == 8u || run == 10u);
  ASSERT_EQ(h["processes"].size(), run);
  for (std::size_t i = 0; i < run; ++i) {
    EXPECT_EQ(b["processes"][i]["context"]["benchgate_ab"]["round"], static_cast<int>(i) + 1);
    EXPECT_EQ(h["processes"][i]["context"]["benchgate_ab"]["round"], static_cast<int>(i) + 1);
  }

  // The stored mode passes the interleaved base record over by default: head's configuration built
  // it. Told to take records from any branch, it finds it: a valid measurement of that commit on
  // this testbed. Head's binary, run in 3 processes by hand, gated against it.
  const fs::path results = dir_ / "head-results";
  fs::create_directories(results);
  for (int process = 0; process < 3; ++process)
    run_process({(work() / "build" / "ab_bench").string(), "--benchmark_filter=BM_Work",
                 "--benchmark_min_time=0.01", "--benchmark_repetitions=3",
                 "--benchmark_out=" + (results / (std::to_string(process) + ".json")).string(),
                 "--benchmark_out_format=json"},
                options());
  const fs::path stored_report = dir_ / "stored-report";
  std::vector<std::string> stored_args = {"gate",
                                          "--context",
                                          "local",
                                          "--target",
                                          "main",
                                          "--results",
                                          results.string(),
                                          "--suite",
                                          "work",
                                          "--report-dir",
                                          stored_report.string(),
                                          "--record",
                                          "never",
                                          "--trust-single-job"};
  auto passed_over = run_benchgate(stored_args, options());
  EXPECT_EQ(passed_over.exit_code, 0) << passed_over.err;
  EXPECT_THAT(passed_over.err, HasSubstr("passed over 2 stored record(s) not made on the target "
                                         "branch"));
  EXPECT_THAT(passed_over.err, HasSubstr("another commit's configuration built it"));
  stored_args.insert(stored_args.end(), {"--baselines-from", "any"});
  auto stored = run_benchgate(stored_args, options());
  EXPECT_EQ(stored.exit_code, 1) << stored.err;
  EXPECT_THAT(stored.err, HasSubstr("baseline " + base.substr(0, 12) +
                                    " (the merge-base), testbed tb, 1 stored job"));
  const auto stored_comparison =
      nlohmann::json::parse(read_file(stored_report / "comparison.json"));
  EXPECT_EQ(row(stored_comparison, "BM_Work")["base_n"], static_cast<int>(run))
      << "per-process medians of every round of the job";
  EXPECT_EQ(row(stored_comparison, "BM_Work")["verdict"], "regression");
}

// docs/interleaved.md#profiles-of-both-sides: with profiling on, the regressed benchmark is
// profiled in *both* builds in this job (the worktree still exists then), so the flame graph diff
// never needs a stored base profile — none exists in this repository.
TEST_F(GateInterleaved, ProfilesBothBuildsOfARegressedBenchmarkInTheSameJob) {
  if (const auto reason = perf_unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
  const std::string base = commit_project(false, kCmakeBuild, "suites");
  git(work(), {"push", "-q", "origin", "main"});
  git(work(), {"checkout", "-q", "-b", "topic"});
  const std::string head = commit_project(true, kCmakeBuild, "slower");

  // 10 rounds, not the config's 8: this test is about the profiles, and needs the regression
  // found even when a loaded machine blurs the measurement (a CV of 37% has been seen).
  auto r = gate({"--suite", "work", "--profile", "changed", "--rounds", "10"});
  ASSERT_EQ(r.exit_code, 1) << r.err << r.out;
  const std::string markdown = read_file(report_ / "comparison.md");
  EXPECT_THAT(markdown,
              HasSubstr("<summary>Where the time went: <code>BM&#95;Work</code> (regression"));
  EXPECT_THAT(markdown, HasSubstr("Base: commit " + base.substr(0, 12)));
  EXPECT_THAT(markdown, HasSubstr("Head: commit " + head.substr(0, 12)));
  EXPECT_THAT(markdown, Not(HasSubstr("no base profile stored")));
  const std::string svg = read_file(report_ / "flamegraphs" / "work-BM_Work.svg");
  EXPECT_THAT(svg, HasSubstr("var DIFF = true")) << "a differential flame graph of both builds";
  EXPECT_THAT(svg, HasSubstr("BM_Work"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
  EXPECT_EQ(git(work(), {"notes", "--ref", "benchgate-profiles", "list"}), "")
      << "interleaved profiles are not stored";
}

TEST_F(GateInterleaved, AFailingBuildNamesItsSideAndCommitAndLeavesNoWorktree) {
  // The build succeeds where the file `buildable` exists. main has it; `head-breaks` deletes it;
  // `base-breaks` branches off before it was added.
  const std::string build =
      "test -f buildable || { echo \"error: cannot build here\" >&2; exit 7; }";
  const std::string without = commit_project(false, build, "project");
  write_file(work() / "buildable", "");
  git(work(), {"add", "buildable"});
  const std::string with = repo_.commit("buildable");

  git(work(), {"checkout", "-q", "-b", "head-breaks"});
  git(work(), {"rm", "-q", "buildable"});
  repo_.commit("break the build");
  auto head_fails = gate();
  EXPECT_EQ(head_fails.exit_code, 3) << head_fails.err;
  EXPECT_THAT(head_fails.err, HasSubstr("benchgate: error: the build of head ("));
  EXPECT_THAT(head_fails.err, HasSubstr("exited with status 7"));
  EXPECT_THAT(head_fails.err, HasSubstr("| error: cannot build here"));
  EXPECT_THAT(head_fails.err, HasSubstr("building base (" + with.substr(0, 12) + ")"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());

  git(work(), {"checkout", "-q", "-b", "base-breaks", without});
  write_file(work() / "buildable", "");
  git(work(), {"add", "buildable"});
  repo_.commit("buildable on the branch");
  auto base_fails = gate();
  EXPECT_EQ(base_fails.exit_code, 3) << base_fails.err;
  EXPECT_THAT(base_fails.err,
              HasSubstr("benchgate: error: the build of base (" + without.substr(0, 12) + ")"));
  EXPECT_THAT(base_fails.err, Not(HasSubstr("building head")));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
  EXPECT_EQ(git(work(), {"status", "--porcelain"}), "");
}

TEST_F(GateInterleaved, CtrlCDuringTheBaseBuildStopsPromptlyAndRemovesTheWorktree) {
  const fs::path pid_file = dir_ / "build.pid";
  // `exec` makes the sleep the shell's own pid: the one the test checks is gone afterwards.
  commit_project(false, "echo $$ > " + pid_file.string() + "; exec sleep 30", "project");
  git(work(), {"checkout", "-q", "-b", "topic"});
  repo_.commit("change");

  const fs::path err_file = dir_ / "stderr";
  const pid_t pid = fork();
  if (pid == 0) {
    for (const auto& name : ci_variables()) unsetenv(name.c_str());
    setenv("TMPDIR", tmp_.c_str(), 1);
    if (chdir(work().c_str()) != 0) _exit(126);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int out = open("/dev/null", O_WRONLY);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<std::string> argv = {benchgate_binary().string()};
    for (const auto& a : gate_args({})) argv.push_back(a);
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!(fs::exists(pid_file) && fs::file_size(pid_file) > 0) && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(fs::exists(pid_file)) << read_file(err_file);
  const pid_t build = std::stoi(read_file(pid_file));
  ASSERT_EQ(leftovers().size(), 1u) << "the worktree exists while the base builds";

  const auto signalled = Clock::now();
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - signalled).count();
  const std::string err = read_file(err_file);
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 3) << err;
  EXPECT_LT(seconds, 10.0) << "the 30 s build must be stopped, not waited for";
  EXPECT_THAT(err, HasSubstr("interrupted by SIGINT while building base"));
  EXPECT_FALSE(process_alive(build));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(GateInterleaved, TheMeasuringKeepsToItsBudgetAndABuildOverItsTimeoutIsStopped) {
  const std::string base = commit_copied_suite("[gate]\nrounds = 50\n");
  git(work(), {"checkout", "-q", "-b", "topic"});
  repo_.commit("change");

  // --budget: 50 rounds are asked for, the budget allows a few; the comparison says why it
  // stopped early.
  auto budgeted = gate({"--budget", "2s"});
  EXPECT_EQ(budgeted.exit_code, 0) << budgeted.err;
  EXPECT_THAT(budgeted.err, Not(HasSubstr("round 50/50")));
  ASSERT_TRUE(fs::exists(report_ / "comparison.json")) << budgeted.err;
  const auto comparison = nlohmann::json::parse(read_file(report_ / "comparison.json"));
  EXPECT_THAT(comparison.dump(), HasSubstr("the time budget of "));
  EXPECT_LT(row(comparison, "BM_Work")["base_n"].get<int>(), 50);

  auto bad_budget = gate({"--budget", "soon"});
  EXPECT_EQ(bad_budget.exit_code, 2) << bad_budget.err;
  EXPECT_THAT(bad_budget.err, HasSubstr("--budget 'soon'"));

  // [build] timeout: a build that hangs is stopped, named, and leaves no worktree behind. (Both
  // sides are built with head's config, so the uncommitted change applies to the base build.)
  write_file(work() / "benchgate.toml",
             "[build]\ncommand = \"exec sleep 30\"\ntimeout = 1\n"
             "[[suite]]\nname = \"work\"\ncommand = \"build/ab_bench\"\n");
  const auto started = Clock::now();
  auto timed_out = gate();
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 20.0);
  EXPECT_EQ(timed_out.exit_code, 3) << timed_out.err;
  EXPECT_THAT(timed_out.err,
              HasSubstr("the build of base (" + base.substr(0, 12) + ") failed: `exec sleep 30`"));
  EXPECT_THAT(timed_out.err, HasSubstr("timed out after 1 s"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

// A local run, like a review, is not a run of the target branch: it records nothing unless
// asked (a feature branch's own record must never become the next push's baseline).
TEST_F(GateInterleaved, LocalRunsAndReviewsRecordNothingUnlessAsked) {
  const std::string base =
      commit_copied_suite("testbed = \"tb\"\n[gate]\nmode = \"interleaved\"\nrounds = 3\n");
  git(work(), {"push", "-q", "origin", "main"});
  git(work(), {"checkout", "-q", "-b", "topic"});
  const std::string head = repo_.commit("change");

  auto local = gate();
  ASSERT_EQ(local.exit_code, 0) << local.err;
  EXPECT_THAT(local.err, HasSubstr("interleaved mode: base is the merge-base"));
  EXPECT_EQ(git(work(), {"notes", "--ref", "benchgate", "list"}), "") << local.err;

  ProcessOptions o = github_job("http://127.0.0.1:9", "octo/widgets", "pull_request",
                                pull_request_payload(7, head, base, "octo/widgets", "octo/widgets"),
                                dir_ / "event.json", "", work());
  o.env["TMPDIR"] = tmp_.string();
  auto review = run_benchgate({"gate", "--report-dir", report_.string()}, o);
  ASSERT_EQ(review.exit_code, 0) << review.err;
  EXPECT_EQ(git(work(), {"notes", "--ref", "benchgate", "list"}), "") << review.err;
  EXPECT_EQ(repo_.remote_note(base), "");
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(GateInterleaved, ReviewsAskedToRecordPushBothSidesForksDoNotAFailedPushIsAWarning) {
  // This test is about what is stored and pushed.
  const std::string base =
      commit_copied_suite("testbed = \"tb\"\n[gate]\nmode = \"interleaved\"\nrounds = 3\n");
  git(work(), {"push", "-q", "origin", "main"});
  git(work(), {"checkout", "-q", "-b", "topic"});
  const std::string head = repo_.commit("change");

  auto review = [&](const std::string& head_repository) {
    ProcessOptions o =
        github_job("http://127.0.0.1:9", "octo/widgets", "pull_request",
                   pull_request_payload(7, head, base, head_repository, "octo/widgets"),
                   dir_ / "event.json", "", work());
    o.env["TMPDIR"] = tmp_.string();
    return run_benchgate({"gate", "--report-dir", report_.string(), "--record", "always"}, o);
  };

  auto fork = review("someone/widgets");
  ASSERT_EQ(fork.exit_code, 0) << fork.err;
  EXPECT_THAT(fork.err, HasSubstr("interleaved mode: base is the merge-base"));
  EXPECT_THAT(fork.err, HasSubstr("not pushed: a pull request from a fork has a read-only token"));
  EXPECT_EQ(repo_.remote_note(base), "");

  auto same_repository = review("octo/widgets");
  ASSERT_EQ(same_repository.exit_code, 0) << same_repository.err;
  EXPECT_THAT(same_repository.err, HasSubstr("pushed baselines to origin"));
  EXPECT_THAT(repo_.remote_note(base), HasSubstr("\"side\":\"base\""));
  EXPECT_THAT(repo_.remote_note(head), HasSubstr("\"side\":\"head\""));
  EXPECT_THAT(repo_.remote_note(base), HasSubstr("\"context\":\"GitHub pull request\""));

  // A remote that refuses the push (here: one that has gone away) never fails the gate.
  git(work(), {"remote", "set-url", "origin", (dir_ / "nowhere.git").string()});
  auto refused = review("octo/widgets");
  EXPECT_EQ(refused.exit_code, 0) << refused.err;
  EXPECT_THAT(refused.err,
              HasSubstr("warning: the baseline was saved locally but could not be pushed"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());
}

TEST_F(GateInterleaved, ADefaultBranchPushUsesTheStoredModeAndSaysSo) {
  write_file(work() / "benchgate.toml", "testbed = \"tb\"\n[gate]\nmode = \"interleaved\"\n");
  git(work(), {"add", "-A"});
  const std::string before = git(work(), {"rev-parse", "HEAD"});
  const std::string pushed = repo_.commit("config");
  ProcessOptions o = github_job("http://127.0.0.1:9", "octo/widgets", "push",
                                push_payload("refs/heads/main", before, pushed, "main"),
                                dir_ / "event.json", "", work());
  o.env["TMPDIR"] = tmp_.string();
  auto r = run_benchgate({"gate", "--report-dir", report_.string(), "--results",
                          write_results(dir_ / "r", 100.0).string(), "--suite", "bench"},
                         o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("[gate] mode = \"interleaved\" does not apply to a push to the "
                               "default branch: it records the baseline in the stored mode"));
  EXPECT_THAT(repo_.remote_note(pushed), HasSubstr("\"suite\":\"bench\""));
  EXPECT_THAT(repo_.remote_note(pushed), Not(HasSubstr("\"interleaved\":")));
}

TEST_F(GateInterleaved, UsageErrorsAreExitTwo) {
  commit_project(false, "true", "project");
  git(work(), {"checkout", "-q", "-b", "topic"});
  repo_.commit("change");

  // No [build] command.
  write_file(work() / "nobuild.toml",
             "[[suite]]\nname = \"example\"\ncommand = \"build/example_bench\"\n");
  auto no_build = gate({"--config", "nobuild.toml"});
  EXPECT_EQ(no_build.exit_code, 2) << no_build.err;
  EXPECT_THAT(no_build.err, HasSubstr("--mode interleaved needs a build command"));

  // --results: the interleaved mode measures both sides itself.
  auto results = gate({"--results", write_results(dir_ / "r", 100.0).string()});
  EXPECT_EQ(results.exit_code, 2) << results.err;
  EXPECT_THAT(results.err, HasSubstr("--results cannot be combined with --mode interleaved"));

  // Command-mode suites are timed as whole programs: nothing to interleave.
  write_file(work() / "command.toml", config("true", "format = \"command\"\n"));
  auto command = gate({"--config", "command.toml"});
  EXPECT_EQ(command.exit_code, 2) << command.err;
  EXPECT_THAT(command.err, HasSubstr("command-mode suites (format = \"command\") cannot be "
                                     "interleaved"));
  // So are Catch2 and result-line suites, when their format is set rather than detected.
  for (const std::string format : {"catch2", "lines"}) {
    write_file(work() / "other.toml", config("true", "format = \"" + format + "\"\n"));
    auto other = gate({"--config", "other.toml"});
    EXPECT_EQ(other.exit_code, 2) << other.err;
    EXPECT_THAT(other.err, HasSubstr("(format = \"" + format + "\") cannot be interleaved"));
  }

  // A program outside the repository cannot have been built from either side.
  write_file(work() / "outside.toml",
             "[build]\ncommand = \"true\"\n[[suite]]\nname = \"x\"\ncommand = \"/bin/true\"\n");
  auto outside = gate({"--config", "outside.toml"});
  EXPECT_EQ(outside.exit_code, 2) << outside.err;
  EXPECT_THAT(outside.err, HasSubstr("is not inside the repository"));
  EXPECT_TRUE(leftovers().empty()) << ::testing::PrintToString(leftovers());

  // The config's mode is what --mode overrides: [gate] mode = "interleaved" without a build.
  write_file(work() / "mode.toml",
             "[gate]\nmode = \"interleaved\"\n[[suite]]\nname = \"x\"\n"
             "command = \"build/x\"\n");
  auto from_config = run_benchgate({"gate", "--config", "mode.toml", "--context", "local",
                                    "--target", "main", "--report-dir", report_.string()},
                                   options());
  EXPECT_EQ(from_config.exit_code, 2) << from_config.err;
  EXPECT_THAT(from_config.err, HasSubstr("needs a build command"));
}

}  // namespace
}  // namespace benchgate
