// run_child against real processes: exit statuses, signals, timeouts, stderr tails, rusage.
#include <signal.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "core/errors.h"
#include "process/describe.h"
#include "process/launch.h"
#include "tests/support/temp_dir.h"

namespace benchgate::process {
namespace {

using ::testing::HasSubstr;

ChildSpec shell(const std::string& script) {
  ChildSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  return spec;
}

TEST(ProcessLaunch, ReportsExitStatusAndCapturesStdout) {
  ChildSpec spec = shell("echo hello; exit 7");
  spec.capture_stdout = true;
  ChildOutcome o = run_child(spec);
  EXPECT_TRUE(o.exited);
  EXPECT_EQ(o.exit_status, 7);
  EXPECT_EQ(o.stdout_text, "hello\n");
  EXPECT_FALSE(o.succeeded());
  EXPECT_EQ(describe_outcome(o, spec), "exited with status 7");
}

TEST(ProcessLaunch, NamesTheSignalThatKilledTheChild) {
  ChildSpec spec = shell("kill -SEGV $$");
  ChildOutcome o = run_child(spec);
  EXPECT_FALSE(o.exited);
  EXPECT_EQ(o.signal, SIGSEGV);
  EXPECT_THAT(describe_outcome(o, spec), HasSubstr("SIGSEGV (11, segmentation fault)"));
}

TEST(ProcessLaunch, KeepsOnlyTheTailOfStderr) {
  ChildSpec spec = shell("i=0; while [ $i -lt 3000 ]; do echo line $i >&2; i=$((i+1)); done");
  spec.stderr_tail_bytes = 100;
  ChildOutcome o = run_child(spec);
  EXPECT_TRUE(o.succeeded());
  EXPECT_LE(o.stderr_tail.size(), 100u);
  EXPECT_THAT(o.stderr_tail, HasSubstr("line 2999\n"));
  EXPECT_EQ(last_lines(o.stderr_tail, 2), "  | line 2998\n  | line 2999\n");
}

TEST(ProcessLaunch, TimeoutStopsAChildThatIgnoresSigterm) {
  ChildSpec spec = shell("trap '' TERM; echo started >&2; while :; do sleep 1; done");
  spec.timeout = std::chrono::duration<double>(0.3);
  auto start = std::chrono::steady_clock::now();
  ChildOutcome o = run_child(spec);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(o.timed_out);
  EXPECT_EQ(o.signal, SIGKILL);  // SIGTERM was ignored; SIGKILL after the grace period
  EXPECT_GE(took, 0.3);
  EXPECT_LT(took, 5.0);
  EXPECT_THAT(describe_outcome(o, spec), HasSubstr("timed out after 0.3 s"));
  EXPECT_THAT(o.stderr_tail, HasSubstr("started"));
}

TEST(ProcessLaunch, TimeoutDoesNotWaitForGrandchildrenHoldingThePipes) {
  // The shell exits at once but leaves a background sleep holding stderr open.
  ChildSpec spec = shell("sleep 30 & echo bye");
  spec.capture_stdout = true;
  auto start = std::chrono::steady_clock::now();
  ChildOutcome o = run_child(spec);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(o.succeeded());
  EXPECT_LT(took, 5.0);
}

TEST(ProcessLaunch, RunsInTheWorkingDirectory) {
  testing::TempDir dir;
  ChildSpec spec = shell("pwd");
  spec.capture_stdout = true;
  spec.working_dir = dir.path();
  ChildOutcome o = run_child(spec);
  EXPECT_EQ(o.stdout_text, std::filesystem::canonical(dir.path()).string() + "\n");
}

TEST(ProcessLaunch, MissingProgramOrDirectoryIsAnInputError) {
  ChildSpec spec;
  spec.argv = {"benchgate-no-such-program-xyz"};
  EXPECT_THROW(
      {
        try {
          run_child(spec);
        } catch (const InputError& e) {
          EXPECT_THAT(e.what(), HasSubstr("command not found: benchgate-no-such-program-xyz"));
          throw;
        }
      },
      InputError);
  ChildSpec in_missing_dir = shell("true");
  in_missing_dir.working_dir = "/nonexistent/benchgate";
  EXPECT_THROW(run_child(in_missing_dir), InputError);
}

TEST(ProcessLaunch, MeasuresCpuTimeAndPeakMemory) {
  // python3 (system) allocates and touches 64 MiB and burns ~0.2 s of user time.
  ChildSpec spec;
  spec.argv = {"/usr/bin/python3", "-c",
               "b = bytearray(64 << 20)\n"
               "import time\nt = time.process_time()\n"
               "while time.process_time() - t < 0.2: pass\n"};
  ChildOutcome o = run_child(spec);
  ASSERT_TRUE(o.succeeded()) << o.stderr_tail;
  EXPECT_GE(o.peak_rss_bytes, 64ll << 20);
  EXPECT_GE(o.user.count() + o.sys.count(), 190'000'000);
  EXPECT_GE(o.wall.count(), o.user.count() / 2);
}

TEST(ProcessLaunch, StdoutLineCallbackSeesEveryLine) {
  ChildSpec spec = shell("printf 'a\\nb\\nc\\n'");
  std::vector<std::string> lines;
  spec.on_stdout_line = [&](std::string_view line) { lines.emplace_back(line); };
  run_child(spec);
  EXPECT_THAT(lines, ::testing::ElementsAre("a", "b", "c"));
}

// Captured stdout keeps its beginning, up to the limit; the child still runs to its end.
TEST(ProcessLaunch, CapturedStdoutStopsGrowingAtItsLimit) {
  ChildSpec spec = shell("head -c 3000000 /dev/zero; echo done >&2");
  spec.capture_stdout = true;
  spec.stdout_limit_bytes = 1 << 20;
  ChildOutcome o = run_child(spec);
  EXPECT_TRUE(o.succeeded());
  EXPECT_EQ(o.stdout_text.size(), std::size_t{1} << 20);
  EXPECT_TRUE(o.stdout_truncated);
  EXPECT_EQ(o.stderr_tail, "done\n");
  spec.stdout_limit_bytes = 3000000;
  o = run_child(spec);
  EXPECT_EQ(o.stdout_text.size(), 3000000u);
  EXPECT_FALSE(o.stdout_truncated);
}

// A child that never writes a newline reaches the line callback in bounded pieces.
TEST(ProcessLaunch, AnEndlessLineReachesTheCallbackInBoundedPieces) {
  ChildSpec spec = shell("head -c 5000000 /dev/zero");
  std::size_t pieces = 0, largest = 0, total = 0;
  spec.on_stdout_line = [&](std::string_view line) {
    ++pieces;
    largest = std::max(largest, line.size());
    total += line.size();
  };
  run_child(spec);
  EXPECT_EQ(total, 5000000u);
  EXPECT_LE(largest, std::size_t{1} << 20);
  EXPECT_EQ(pieces, 5u);
}

TEST(ProcessLaunch, StderrLinesStreamAsTheyComeAndTheLastUnfinishedLineCounts) {
  // The first line must arrive while the child still sleeps: streamed, not collected at the end.
  ChildSpec spec = shell("printf 'first\\n' >&2; sleep 1; printf 'second\\nno newline' >&2");
  std::vector<std::pair<std::string, double>> lines;
  const auto start = std::chrono::steady_clock::now();
  spec.on_stderr_line = [&](std::string_view line) {
    lines.emplace_back(
        line, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  ChildOutcome o = run_child(spec);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].first, "first");
  EXPECT_LT(lines[0].second, 0.9);
  EXPECT_EQ(lines[1].first, "second");
  EXPECT_EQ(lines[2].first, "no newline");
  EXPECT_EQ(o.stderr_tail, "first\nsecond\nno newline") << "the tail is kept as well";
}

TEST(ProcessLaunch, ShellQuotingRoundTripsThroughSh) {
  std::vector<std::string> argv = {"printf", "%s|", "it's", "a b", "", "$HOME"};
  ChildSpec spec = shell(shell_quote_command(argv));
  spec.capture_stdout = true;
  EXPECT_EQ(run_child(spec).stdout_text, "it's|a b||$HOME|");
}

}  // namespace
}  // namespace benchgate::process
