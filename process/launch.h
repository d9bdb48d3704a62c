#pragma once
// Launching one child process and watching it until it ends: the only place in benchgate that
// forks. Every benchmark process and every timed command goes through `run_child`, so timeouts,
// interruption, resource usage and the stderr tail behave the same everywhere.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::process {

// Captured stdout kept by default: probes print help and benchmark lists, kilobytes each.
inline constexpr std::size_t kDefaultStdoutLimitBytes = std::size_t{16} << 20;

struct ChildSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH unless it contains a '/'
  std::optional<std::filesystem::path> working_dir;
  // Killed (SIGTERM to its process group, SIGKILL after a grace period) after this long.
  std::optional<std::chrono::duration<double>> timeout;
  // Stdout is discarded unless it is captured (command mode times programs, not their output).
  bool capture_stdout = false;
  // At most this much captured stdout is kept (its beginning); the rest is read and dropped,
  // and `stdout_truncated` says so. Callers that need all of it raise it and check the flag.
  std::size_t stdout_limit_bytes = kDefaultStdoutLimitBytes;
  // Called with each complete stdout line while the child runs (progress display); optional.
  std::function<void(std::string_view)> on_stdout_line;
  // The same for stderr (its tail is still kept in `stderr_tail`); optional.
  std::function<void(std::string_view)> on_stderr_line;
  std::size_t stderr_tail_bytes = 8192;  // how much of the end of stderr to keep
  // The CPUs the child may run on from its start (process/cpu_affinity.h); nullopt: wherever
  // benchgate may run. A CPU benchgate may not use is an InputError.
  std::optional<std::vector<int>> cpus;
  // Only for benchgate itself (the pre-push hook's gate): it gets the credentials taken out of
  // our environment (process/child_environment.h) and withdraws them again at its own start.
  bool keeps_credentials = false;
};

struct ChildOutcome {
  bool exited = false;  // ended by exit(): `exit_status` is valid
  int exit_status = 0;
  int signal = 0;            // ended by this signal (0 when it exited)
  bool timed_out = false;    // we killed it because of the timeout
  bool interrupted = false;  // we killed it because benchgate itself was asked to stop
  std::chrono::nanoseconds wall{0};
  std::chrono::nanoseconds user{0};
  std::chrono::nanoseconds sys{0};
  long long peak_rss_bytes = 0;
  // Times the child was descheduled while it could still run (ru_nivcsw): competition for its
  // CPU, which a timing taken meanwhile suffers from.
  long long involuntary_context_switches = 0;
  std::string stdout_text;        // when captured: at most `stdout_limit_bytes`
  bool stdout_truncated = false;  // the child wrote more than `stdout_limit_bytes`
  std::string stderr_tail;        // the last `stderr_tail_bytes` of stderr

  bool succeeded() const { return exited && exit_status == 0 && !timed_out && !interrupted; }
};

// Runs the child to completion in its own process group. Throws InputError when the program
// cannot be started because it does not exist or is not executable (a usage problem), and
// EnvironmentError for other system failures.
ChildOutcome run_child(const ChildSpec& spec);

}  // namespace benchgate::process
