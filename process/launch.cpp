#include "process/launch.h"

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/child_output.h"
#include "process/interrupt.h"
#include "process/pipe.h"
#include "process/spawn.h"

namespace benchgate::process {
namespace {

using Clock = std::chrono::steady_clock;
// A child asked to stop (SIGTERM) gets this long to flush and exit before SIGKILL.
constexpr auto kTerminateGrace = std::chrono::milliseconds(1000);
// After the child exits, a grandchild may still hold our pipes open; don't wait for it forever.
constexpr int kDrainAfterExitMs = 100;

std::chrono::nanoseconds to_ns(const timeval& tv) {
  return std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
}

}  // namespace

// Long on purpose (about 100 lines): the poll loop that drains both pipes, enforces the time
// limit and reacts to interrupts must see all of that state at once.
ChildOutcome run_child(const ChildSpec& spec) {
  const bool pipe_stdout = spec.capture_stdout || static_cast<bool>(spec.on_stdout_line);
  Pipe out_pipe;
  if (pipe_stdout) out_pipe = make_pipe();
  Pipe err_pipe = make_pipe();

  const auto start = Clock::now();
  const pid_t pid =
      spawn_child(spec, pipe_stdout ? out_pipe.write.get() : -1, err_pipe.write.get());
  out_pipe.write.reset();
  err_pipe.write.reset();
  // A pidfd makes the child's exit one more event for poll(); no SIGCHLD handler, no busy wait.
  Fd pidfd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));

  OutputSink out_sink(true, spec.capture_stdout ? spec.stdout_limit_bytes : 0, spec.on_stdout_line);
  OutputSink err_sink(false, spec.stderr_tail_bytes, spec.on_stderr_line);
  ChildOutcome outcome;
  std::optional<Clock::time_point> deadline;
  if (spec.timeout) deadline = start + std::chrono::duration_cast<Clock::duration>(*spec.timeout);
  std::optional<Clock::time_point> kill_deadline;  // set once SIGTERM was sent
  bool out_open = pipe_stdout, err_open = true, exited = false;
  auto end = start;

  auto terminate = [&](bool timed_out) {
    if (kill_deadline) return;
    (timed_out ? outcome.timed_out : outcome.interrupted) = true;
    kill(-pid, SIGTERM);
    kill_deadline = Clock::now() + kTerminateGrace;
  };

  while (!exited) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe.read.get(), POLLIN, 0});
    if (err_open) fds.push_back({err_pipe.read.get(), POLLIN, 0});
    if (pidfd.get() >= 0) fds.push_back({pidfd.get(), POLLIN, 0});
    if (!kill_deadline && interrupt_wakeup_fd() >= 0)
      fds.push_back({interrupt_wakeup_fd(), POLLIN, 0});
    auto now = Clock::now();
    int wait_ms = -1;
    auto limit = kill_deadline ? kill_deadline : deadline;
    if (limit)
      wait_ms = static_cast<int>(std::max<long long>(
          0, std::chrono::ceil<std::chrono::milliseconds>(*limit - now).count()));
    if (pidfd.get() < 0) wait_ms = wait_ms < 0 ? 10 : std::min(wait_ms, 10);  // no pidfd: poll
    int ready = poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR)
      throw EnvironmentError(fmt::format("poll failed: {}", strerror(errno)));
    for (const auto& p : fds) {
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      if (p.fd == out_pipe.read.get()) out_open = drain(p.fd, out_sink);
      if (p.fd == err_pipe.read.get()) err_open = drain(p.fd, err_sink);
    }
    // WNOWAIT: only look; wait4 below reaps the child and collects its resource usage.
    siginfo_t info{};
    if (waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
      exited = true;
      end = Clock::now();
      break;
    }
    now = Clock::now();
    if (interrupt_signal() != 0) terminate(false);
    if (deadline && now >= *deadline) terminate(true);
    if (kill_deadline && now >= *kill_deadline) kill(-pid, SIGKILL);
  }

  // Collect what the child wrote just before exiting, without waiting on lingering grandchildren.
  for (int round = 0; (out_open || err_open) && round < 2; ++round) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe.read.get(), POLLIN, 0});
    if (err_open) fds.push_back({err_pipe.read.get(), POLLIN, 0});
    if (poll(fds.data(), fds.size(), kDrainAfterExitMs / 2) <= 0) continue;
    for (const auto& p : fds) {
      if (p.fd == out_pipe.read.get()) out_open = drain(p.fd, out_sink);
      if (p.fd == err_pipe.read.get()) err_open = drain(p.fd, err_sink);
    }
  }

  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw EnvironmentError(fmt::format("wait failed: {}", strerror(errno)));
  }
  // Whatever the child left behind in its group (a timed-out child's helpers) goes with it.
  if (outcome.timed_out || outcome.interrupted) kill(-pid, SIGKILL);

  outcome.wall = std::chrono::duration_cast<std::chrono::nanoseconds>(end - start);
  outcome.user = to_ns(usage.ru_utime);
  outcome.sys = to_ns(usage.ru_stime);
  outcome.peak_rss_bytes = static_cast<long long>(usage.ru_maxrss) * 1024;  // Linux: KiB
  outcome.involuntary_context_switches = usage.ru_nivcsw;
  if (WIFEXITED(status)) {
    outcome.exited = true;
    outcome.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome.signal = WTERMSIG(status);
  }
  out_sink.finish();
  err_sink.finish();
  outcome.stdout_text = out_sink.take();
  outcome.stdout_truncated = spec.capture_stdout && out_sink.truncated();
  outcome.stderr_tail = err_sink.take();
  return outcome;
}

}  // namespace benchgate::process
