// `benchgate run` end to end: the real benchgate binary running real Google Benchmark binaries
// (tests/runner/programs) that work, crash, hang, print garbage or report errors.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record_json.h"
#include "runner/progress.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::runner {
namespace {

using ::testing::HasSubstr;
using testing::ProcessOptions;
using testing::run_benchgate;

std::string program(const std::string& name) {
  return (testing::benchgate_binary().parent_path().parent_path() / "tests/runner/programs" / name)
      .string();
}

std::set<int> distinct(const std::vector<int>& v) {
  return {v.begin(), v.end()};
}

int count_status(const RunRecord& r, const std::string& status) {
  int n = 0;
  for (const auto& p : r.processes) n += p.status == status;
  return n;
}

// Env that makes a test program misbehave in its `launch`-th measured launch only.
ProcessOptions fault_on(const testing::TempDir& dir, int launch) {
  ProcessOptions options;
  options.env["BENCHGATE_TEST_COUNTER"] = (dir / "counter").string();
  options.env["BENCHGATE_TEST_FAULT_ON"] = std::to_string(launch);
  options.env["BENCHGATE_TEST_PID_FILE"] = (dir / "faulty.pid").string();
  return options;
}

// Samples of benchmark `name`, or -1 when the record has no such benchmark.
long samples_of(const RunRecord& r, const std::string& name) {
  const BenchmarkResult* b = r.find(name);
  return b ? static_cast<long>(b->sample_count()) : -1;
}

bool process_alive(pid_t pid) {
  return kill(pid, 0) == 0;
}

TEST(RunCli, FourProcessesTimesThreeRepetitionsGiveTwelveTaggedSamples) {
  testing::TempDir dir;
  auto out = dir / "head.json";
  auto r = run_benchgate({"run", "--processes", "4", "--repetitions", "3", "--seed", "12345",
                          "--quiet", "-o", out.string(), "--", program("tiny_bench")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunRecord record = read_run_record_file(out);
  ASSERT_EQ(record.processes.size(), 4u);
  EXPECT_EQ(count_status(record, "ok"), 4);
  ASSERT_EQ(record.benchmarks.size(), 3u);  // BM_Accumulate/64, /512, BM_Increment
  for (const auto& b : record.benchmarks) {
    SCOPED_TRACE(b.name);
    EXPECT_EQ(b.sample_count(), 12u);
    EXPECT_EQ(distinct(b.process), (std::set<int>{0, 1, 2, 3}));
    for (int p = 0; p < 4; ++p) EXPECT_EQ(std::count(b.process.begin(), b.process.end(), p), 3);
    EXPECT_EQ(distinct(b.repetition), (std::set<int>{0, 1, 2}));
    const auto* times = b.metric(kRealTime);
    ASSERT_NE(times, nullptr);
    for (double t : *times) EXPECT_GT(t, 0.0);
    EXPECT_TRUE(b.errors.empty());
  }
  EXPECT_NE(record.find("BM_Accumulate/512"), nullptr);
  // Seed, testbed, environment, and each process's launch position.
  EXPECT_EQ(record.seed, 12345u);
  EXPECT_THAT(record.testbed, ::testing::MatchesRegex("fp-[0-9]+c-[0-9a-f]{12}"));
  EXPECT_EQ(record.tool_version, record.environment.value("benchgate_version", ""));
  for (const char* key : {"cpu_model", "logical_cores", "governor", "load_average", "kernel", "os",
                          "hostname_hash", "compiler", "command", "invocation"})
    EXPECT_TRUE(record.environment.contains(key)) << key;
  EXPECT_THAT(record.environment["invocation"].get<std::string>(), HasSubstr("--seed 12345"));
  EXPECT_THAT(record.environment["compiler"].get<std::string>(), HasSubstr("GCC"));
  std::set<int> launch_orders;
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  for (const auto& p : record.processes) {
    launch_orders.insert(p.context.value("benchgate_launch_order", -1));
    EXPECT_FALSE(p.context.contains("host_name"));  // only its hash
    EXPECT_TRUE(p.context.contains("host_name_hash"));
  }
  EXPECT_EQ(launch_orders, (std::set<int>{0, 1, 2, 3}));
  EXPECT_THAT(testing::read_file(out), ::testing::Not(HasSubstr(std::string("\"") + host + "\"")));
  // The summary names the suite and where the record went.
  EXPECT_THAT(r.out, HasSubstr("suite tiny_bench (gbench): 4/4 processes ok"));
  EXPECT_THAT(r.out, HasSubstr("BM_Accumulate/64"));
}

// The CPUs this process may use, as the kernel lists them ("0-1").
std::string own_cpu_list() {
  std::string status = testing::read_file("/proc/self/status");
  const auto at = status.find("Cpus_allowed_list:\t");
  return status.substr(at + 19, status.find('\n', at) - at - 19);
}

TEST(RunCli, EveryProcessRecordsItsCpusAndContextSwitches) {
  testing::TempDir dir;
  auto cpus_of = [&](const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"run", "-p", "2",  "-r",
                                     "1",   "-q", "-o", (dir / "r.json").string()};
    args.insert(args.end(), flags.begin(), flags.end());
    args.insert(args.end(), {"--", program("tiny_bench"), "--benchmark_filter=BM_Increment"});
    auto r = run_benchgate(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::string> cpus;
    for (const auto& p : read_run_record_file(dir / "r.json").processes) {
      cpus.insert(p.context.value("cpus", "?"));
      EXPECT_GE(p.context.value("involuntary_context_switches", -1), 0);
    }
    return cpus;
  };
  // A list: exactly those CPUs, in every process. The first CPU this test may use.
  const std::string first = own_cpu_list().substr(0, own_cpu_list().find_first_of(",-"));
  EXPECT_EQ(cpus_of({"--cpus", first}), std::set<std::string>{first});
  EXPECT_EQ(cpus_of({"--cpus", "none"}), std::set<std::string>{"none"});
  // auto: one CPU, the highest allowed, the same for every process (none with only one CPU).
  const std::string list = own_cpu_list();
  const bool one_cpu = list.find_first_of(",-") == std::string::npos;
  const std::string highest = list.substr(list.find_last_of(",-") + 1);
  EXPECT_EQ(cpus_of({}), std::set<std::string>{one_cpu ? "none" : highest});

  auto bad = run_benchgate({"run", "-q", "--cpus", "4096", "-o", (dir / "bad.json").string(), "--",
                            program("tiny_bench")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--cpus \"4096\": CPU 4096 is not one benchgate may use"));
  EXPECT_FALSE(std::filesystem::exists(dir / "bad.json"));
}

TEST(RunCli, TheRecordFeedsCompareDirectly) {
  testing::TempDir dir;
  for (const char* side : {"base", "head"}) {
    auto r = run_benchgate({"run", "-p", "2", "-r", "3", "-q", "--testbed", "t1", "-o",
                            (dir / (std::string(side) + ".json")).string(), "--",
                            program("tiny_bench")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto compare =
      run_benchgate({"compare", (dir / "base.json").string(), (dir / "head.json").string()});
  // 0 (pass) or 1 (a regression on a noisy machine) are both verdicts; 2/3 would mean the record
  // was refused or compare broke on it.
  EXPECT_TRUE(compare.exit_code == 0 || compare.exit_code == 1) << compare.exit_code << compare.err;
  EXPECT_THAT(compare.out, HasSubstr("BM_Increment"));
}

TEST(RunCli, SegfaultMidwayKeepsTheOtherProcessesAndNamesTheSignal) {
  testing::TempDir dir;
  auto out = dir / "crash.json";
  auto r =
      run_benchgate({"run", "-p", "3", "-r", "2", "-o", out.string(), "--", program("crash_bench")},
                    fault_on(dir, 2));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("was killed by signal SIGSEGV (11, segmentation fault)"));
  EXPECT_THAT(r.err, HasSubstr("| about to dereference a null pointer"));
  EXPECT_THAT(r.err, HasSubstr("1 of 3 processes failed; the record is incomplete"));
  RunRecord record = read_run_record_file(out);
  ASSERT_EQ(record.processes.size(), 3u);
  EXPECT_EQ(count_status(record, "ok"), 2);
  EXPECT_EQ(count_status(record, "failed"), 1);
  for (const auto& p : record.processes) {
    if (p.status == "failed") {
      EXPECT_THAT(p.message, HasSubstr("SIGSEGV"));
    }
  }
  for (const char* name : {"BM_Before", "BM_Crash"}) {
    const auto* b = record.find(name);
    ASSERT_NE(b, nullptr) << name;
    EXPECT_EQ(b->sample_count(), 4u);  // 2 good processes x 2 repetitions
  }
  EXPECT_THAT(record.notes, ::testing::Contains(HasSubstr("incomplete: 1 of 3 processes failed")));
}

TEST(RunCli, HangPastTimeoutIsStoppedAndReported) {
  testing::TempDir dir;
  auto out = dir / "hang.json";
  auto start = std::chrono::steady_clock::now();
  auto r = run_benchgate({"run", "-p", "2", "-r", "1", "--timeout", "1", "-o", out.string(), "--",
                          program("hang_bench")},
                         fault_on(dir, 1));
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(took, 30.0);
  EXPECT_THAT(r.err,
              HasSubstr("timed out after 1 s and was stopped (was killed by signal SIGKILL"));
  EXPECT_THAT(r.err, HasSubstr("| hanging now"));
  RunRecord record = read_run_record_file(out);
  EXPECT_EQ(count_status(record, "ok"), 1);
  EXPECT_EQ(count_status(record, "failed"), 1);
  EXPECT_EQ(samples_of(record, "BM_Quick"), 1);
  pid_t hung = std::stoi(testing::read_file(dir / "faulty.pid"));
  EXPECT_FALSE(process_alive(hung));
}

TEST(RunCli, GarbageInsteadOfJsonIsAFailedProcess) {
  testing::TempDir dir;
  auto out = dir / "garbage.json";
  auto r = run_benchgate(
      {"run", "-p", "2", "-r", "1", "-q", "-o", out.string(), "--", program("garbage_bench")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("2 of 2 processes failed"));
  RunRecord record = read_run_record_file(out);
  EXPECT_EQ(count_status(record, "failed"), 2);
  EXPECT_TRUE(record.benchmarks.empty());
  EXPECT_THAT(record.processes[0].message,
              HasSubstr("wrote results that are not valid Google Benchmark output"));
  EXPECT_THAT(record.processes[0].message, HasSubstr("not JSON"));
  EXPECT_THAT(r.out, HasSubstr("process 0 failed: wrote results that are not valid"));

  // A program forced into gbench mode that writes no results file at all.
  auto r2 = run_benchgate({"run", "--format", "gbench", "-p", "1", "-q", "-o",
                           (dir / "echo.json").string(), "--", "/bin/echo", "hello"});
  EXPECT_EQ(r2.exit_code, 3);
  EXPECT_THAT(r2.out, HasSubstr("wrote no results"));
  EXPECT_THAT(r2.out, HasSubstr("its output began with"));
}

TEST(RunCli, ErrorOccurredIsCarriedAsAnErrorNeverASample) {
  testing::TempDir dir;
  auto out = dir / "errors.json";
  auto r = run_benchgate(
      {"run", "-p", "2", "-r", "2", "-q", "-o", out.string(), "--", program("error_bench")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("reported an error (error_occurred)"));
  RunRecord record = read_run_record_file(out);
  EXPECT_EQ(count_status(record, "ok"), 2);  // the processes themselves worked
  EXPECT_EQ(samples_of(record, "BM_Works"), 4);
  const BenchmarkResult* failing = record.find("BM_NeedsFixture");
  ASSERT_NE(failing, nullptr);
  EXPECT_EQ(failing->sample_count(), 0u);
  ASSERT_GE(failing->errors.size(), 2u);
  std::set<int> procs;
  for (const auto& e : failing->errors) {
    EXPECT_THAT(e.message, HasSubstr("fixture file data/input.bin not found"));
    procs.insert(e.process);
  }
  EXPECT_EQ(procs, (std::set<int>{0, 1}));
}

TEST(RunCli, CommandModeTimesEachRunAsItsOwnProcess) {
  testing::TempDir dir;
  auto out = dir / "cmd.json";
  // touch_memory does not link Google Benchmark, so auto-detection picks command mode.
  auto r = run_benchgate({"run", "--runs", "3", "--warmup", "1", "-q", "-o", out.string(), "--",
                          program("touch_memory"), "48"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunRecord record = read_run_record_file(out);
  EXPECT_EQ(record.environment["format"], "command");
  ASSERT_EQ(record.processes.size(), 3u);
  ASSERT_EQ(record.benchmarks.size(), 1u);
  const BenchmarkResult& b = record.benchmarks[0];
  EXPECT_EQ(b.name, "touch_memory");
  EXPECT_EQ(distinct(b.process), (std::set<int>{0, 1, 2}));
  for (std::size_t i = 0; i < 3; ++i) {
    double wall = b.metrics.at("real_time")[i], user = b.metrics.at("user_time")[i],
           sys = b.metrics.at("sys_time")[i];
    EXPECT_GT(wall, 0);
    EXPECT_DOUBLE_EQ(b.metrics.at("cpu_time")[i], user + sys);
    EXPECT_GE(b.metrics.at("peak_rss_bytes")[i], 48.0 * 1024 * 1024);
  }
  // A failing run is a failed process with its exit status, like hyperfine.
  auto failing =
      run_benchgate({"run", "--format", "command", "--runs", "2", "--warmup", "0", "-q", "-o",
                     (dir / "fail.json").string(), "--", program("touch_memory"), "1", "5"});
  EXPECT_EQ(failing.exit_code, 3);
  EXPECT_THAT(failing.out, HasSubstr("exited with status 5"));
}

TEST(RunCli, ConfigWithUnknownKeyNamesTheLineAndExits2) {
  testing::TempDir dir;
  testing::write_file(dir / "benchgate.toml", "[[suite]]\nname = \"tiny\"\ncommand = \"" +
                                                  program("tiny_bench") +
                                                  "\"\nprocesses = 2\nrepetitons = 3\n");
  auto r = run_benchgate(
      {"run", "--config", (dir / "benchgate.toml").string(), "-o", (dir / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("benchgate.toml:5: unknown key `repetitons` in [[suite]] #1"));
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(RunCli, ConfigRunsSeveralSuitesIntoOneRecordEach) {
  testing::TempDir dir;
  testing::write_file(dir / "benchgate.toml",
                      "testbed = \"lab\"\n[run]\nseed = 99\nprocesses = 2\nrepetitions = 2\n"
                      "[[suite]]\nname = \"tiny\"\ncommand = \"" +
                          program("tiny_bench") +
                          " --benchmark_filter=BM_Increment\"\n"
                          "[[suite]]\nname = \"mem\"\ncommand = [\"" +
                          program("touch_memory") +
                          "\", \"8\"]\nruns = 2\nwarmup = 0\n"
                          "[[suite]]\nname = \"skipped\"\ncommand = \"/bin/false\"\n");
  auto r = run_benchgate({"run", "-c", (dir / "benchgate.toml").string(), "--suite", "tiny",
                          "--suite", "mem", "-o", (dir / "runs").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunRecord tiny = read_run_record_file(dir / "runs/tiny.json");
  RunRecord mem = read_run_record_file(dir / "runs/mem.json");
  EXPECT_FALSE(std::filesystem::exists(dir / "runs/skipped.json"));
  EXPECT_EQ(tiny.testbed, "lab");
  EXPECT_EQ(tiny.seed, 99u);
  EXPECT_EQ(mem.seed, 99u);
  ASSERT_EQ(tiny.benchmarks.size(), 1u);
  EXPECT_EQ(tiny.benchmarks[0].sample_count(), 4u);
  EXPECT_EQ(samples_of(mem, "mem"), 2);
  // Not a terminal: one plain progress line per process launch (2 + 2).
  EXPECT_THAT(r.err, HasSubstr("benchgate: [4/4] "));
  EXPECT_EQ(r.err.find("\r"), std::string::npos);

  auto unknown = run_benchgate({"run", "-c", (dir / "benchgate.toml").string(), "--suite", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no suite named \"nope\" (suites: tiny, mem, skipped)"));
}

TEST(RunCli, CommandNotFoundIsAUsageError) {
  testing::TempDir dir;
  auto r = run_benchgate(
      {"run", "-q", "-o", (dir / "x.json").string(), "--", "benchgate-test-no-such-binary"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("command not found: benchgate-test-no-such-binary"));
  EXPECT_FALSE(std::filesystem::exists(dir / "x.json"));
  ProcessOptions in_empty_dir;
  in_empty_dir.cwd = dir.path();
  auto nothing = run_benchgate({"run"}, in_empty_dir);
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.err, HasSubstr("nothing to run"));
}

// Starts benchgate with stdout/stderr in files so the test can signal it while it runs.
pid_t start_benchgate(const std::vector<std::string>& args, const testing::TempDir& dir,
                      const ProcessOptions& env) {
  pid_t pid = fork();
  if (pid == 0) {
    for (const auto& [k, v] : env.env) setenv(k.c_str(), v.c_str(), 1);
    int out = open((dir / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open((dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<std::string> argv = {testing::benchgate_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  return pid;
}

TEST(RunCli, CtrlCStopsTheChildAndStillWritesTheRecord) {
  testing::TempDir dir;
  auto out = dir / "partial.json";
  // Launch 1 finishes, launch 2 hangs (no timeout), launch 3 must never start.
  pid_t pid = start_benchgate(
      {"run", "-p", "3", "-r", "1", "-o", out.string(), "--", program("hang_bench")}, dir,
      fault_on(dir, 2));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!std::filesystem::exists(dir / "faulty.pid") &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(std::filesystem::exists(dir / "faulty.pid"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let it reach the hang
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_THAT(testing::read_file(dir / "stderr"), HasSubstr("interrupted by SIGINT"));
  RunRecord record = read_run_record_file(out);
  ASSERT_EQ(record.processes.size(), 3u);
  EXPECT_EQ(count_status(record, "ok"), 1);
  EXPECT_EQ(count_status(record, "missing"), 2);
  EXPECT_THAT(record.notes, ::testing::Contains(HasSubstr("interrupted by SIGINT")));
  EXPECT_EQ(samples_of(record, "BM_Quick"), 1);
  pid_t hung = std::stoi(testing::read_file(dir / "faulty.pid"));
  EXPECT_FALSE(process_alive(hung));
  EXPECT_EQ(std::stoi(testing::read_file(dir / "counter")), 2);  // launch 3 never started
}

TEST(Progress, LiveLineOnATerminalIsRewrittenInPlace) {
  std::FILE* stream = std::tmpfile();
  Progress progress(Progress::Mode::kLive, stream);
  progress.begin(2);
  progress.launch_started("core", 1, 2, 4);
  progress.sample_done("BM_Sort/8");
  progress.launch_finished(true, "");
  progress.launch_started("core", 2, 2, 4);
  progress.finish();
  std::rewind(stream);
  char buffer[4096] = {};
  std::fread(buffer, 1, sizeof buffer - 1, stream);
  std::fclose(stream);
  std::string text = buffer;
  EXPECT_THAT(text, HasSubstr("\r\x1b[Kcore: process 1/2"));
  EXPECT_THAT(text, HasSubstr("core: process 2/2 · repetition 0/4 · launch 2/2"));
  EXPECT_THAT(text, HasSubstr("ETA"));
  EXPECT_EQ(text.find('\n'), std::string::npos);  // never scrolls
  Progress quiet(Progress::Mode::kQuiet, stderr);
  EXPECT_EQ(Progress::mode_for(stderr, true), Progress::Mode::kQuiet);
}

}  // namespace
}  // namespace benchgate::runner
