// What the runner adds to each process launch beyond the child's own time (target: < 5 ms).
//
// BM_BareForkExec is the floor: fork + exec of /bin/true + waitpid, nothing else.
// BM_RunChild is benchgate's launcher (posix_spawn in its own process group, pipes for stderr,
// pidfd + poll, wait4 for resource usage). BM_TimedCommand adds building the sample record.
// The runner's overhead per launch is BM_RunChild (or BM_TimedCommand) minus BM_BareForkExec.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include "process/launch.h"
#include "runner/command_timer.h"

namespace {

void BM_BareForkExec(benchmark::State& state) {
  for (auto _ : state) {
    pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/true", "true", static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("/bin/true failed");
  }
}
BENCHMARK(BM_BareForkExec)->Unit(benchmark::kMicrosecond);

void BM_RunChild(benchmark::State& state) {
  benchgate::process::ChildSpec spec;
  spec.argv = {"/bin/true"};
  spec.timeout = std::chrono::seconds(10);  // the timeout path is part of every real launch
  for (auto _ : state) {
    auto outcome = benchgate::process::run_child(spec);
    if (!outcome.succeeded()) state.SkipWithError("/bin/true failed");
  }
}
BENCHMARK(BM_RunChild)->Unit(benchmark::kMicrosecond);

void BM_TimedCommand(benchmark::State& state) {
  benchgate::runner::SuiteConfig suite;
  suite.name = "true";
  suite.command = {"/bin/true"};
  for (auto _ : state) {
    auto result = benchgate::runner::run_timed_command(suite);
    if (!result.record) state.SkipWithError("/bin/true failed");
  }
}
BENCHMARK(BM_TimedCommand)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
