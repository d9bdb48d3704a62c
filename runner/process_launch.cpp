#include "runner/process_launch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text_lines.h"
#include "runner/process_interrupt.h"

extern char** environ;

namespace benchgate {
namespace {

using Clock = std::chrono::steady_clock;
// A child asked to stop (SIGTERM) gets this long to flush and exit before SIGKILL.
constexpr auto kTerminateGrace = std::chrono::milliseconds(1000);
// After the child exits, a grandchild may still hold our pipes open; don't wait for it forever.
constexpr int kDrainAfterExitMs = 100;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    throw EnvironmentError(fmt::format("cannot create a pipe: {}", strerror(errno)));
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  Pipe p;
  p.read = Fd(fds[0]);
  p.write = Fd(fds[1]);
  return p;
}

// RAII for the two posix_spawn configuration objects.
struct SpawnConfig {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnConfig() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnConfig() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};

std::chrono::nanoseconds to_ns(const timeval& tv) {
  return std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
}

const char* signal_name(int signo) {
  const char* abbrev = sigabbrev_np(signo);
  return abbrev ? abbrev : "?";
}

// Collects a stream's bytes: all of them, or only the tail, and splits lines for a callback.
class StreamSink {
 public:
  StreamSink(bool keep_all, std::size_t tail_bytes, std::function<void(std::string_view)> on_line)
      : keep_all_(keep_all), tail_bytes_(tail_bytes), on_line_(std::move(on_line)) {}

  void append(const char* data, std::size_t n) {
    text_.append(data, n);
    if (on_line_) {
      partial_.append(data, n);
      std::size_t start = 0, nl;
      while ((nl = partial_.find('\n', start)) != std::string::npos) {
        on_line_(std::string_view(partial_).substr(start, nl - start));
        start = nl + 1;
      }
      partial_.erase(0, start);
    }
    // Trim in chunks, not per read, so keeping a tail stays linear in the output size.
    if (!keep_all_ && text_.size() > 2 * tail_bytes_) text_.erase(0, text_.size() - tail_bytes_);
  }
  // A last line without a newline is still a line.
  void finish() {
    if (on_line_ && !partial_.empty()) on_line_(partial_);
    partial_.clear();
  }
  std::string take() {
    if (!keep_all_ && text_.size() > tail_bytes_) text_.erase(0, text_.size() - tail_bytes_);
    return std::move(text_);
  }

 private:
  bool keep_all_;
  std::size_t tail_bytes_;
  std::function<void(std::string_view)> on_line_;
  std::string text_, partial_;
};

// Reads what is available; returns false at end of file (or on error).
bool drain(int fd, StreamSink& sink) {
  char buffer[16384];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      sink.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    return false;
  }
}

pid_t spawn(const ChildSpec& spec, int stdout_fd, int stderr_fd) {
  if (spec.argv.empty() || spec.argv[0].empty()) throw InputError("no command given");
  if (spec.working_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(*spec.working_dir, ec))
      throw InputError(
          fmt::format("working directory {} does not exist", spec.working_dir->string()));
  }
  SpawnConfig config;
  posix_spawn_file_actions_addopen(&config.actions, 0, "/dev/null", O_RDONLY, 0);
  if (stdout_fd >= 0)
    posix_spawn_file_actions_adddup2(&config.actions, stdout_fd, 1);
  else
    posix_spawn_file_actions_addopen(&config.actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&config.actions, stderr_fd, 2);
  if (spec.working_dir)
    posix_spawn_file_actions_addchdir_np(&config.actions, spec.working_dir->c_str());
  // Own process group: a terminal's Ctrl-C reaches only us, and a timeout can kill the child
  // together with anything it started. Signals we catch or ignore are reset to their defaults.
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  sigemptyset(&empty);
  posix_spawnattr_setflags(&config.attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&config.attr, 0);
  posix_spawnattr_setsigdefault(&config.attr, &defaults);
  posix_spawnattr_setsigmask(&config.attr, &empty);

  std::vector<char*> argv;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argv[0], &config.actions, &config.attr, argv.data(), environ);
  if (rc == ENOENT) throw InputError(fmt::format("command not found: {}", spec.argv[0]));
  if (rc == EACCES || rc == ENOEXEC)
    throw InputError(fmt::format("cannot execute {}: {}", spec.argv[0], strerror(rc)));
  if (rc != 0)
    throw EnvironmentError(fmt::format("cannot start {}: {}", spec.argv[0], strerror(rc)));
  return pid;
}

}  // namespace

ChildOutcome run_child(const ChildSpec& spec) {
  const bool pipe_stdout = spec.capture_stdout || static_cast<bool>(spec.on_stdout_line);
  Pipe out_pipe;
  if (pipe_stdout) out_pipe = make_pipe();
  Pipe err_pipe = make_pipe();

  const auto start = Clock::now();
  const pid_t pid = spawn(spec, pipe_stdout ? out_pipe.write.get() : -1, err_pipe.write.get());
  out_pipe.write.reset();
  err_pipe.write.reset();
  // A pidfd makes the child's exit one more event for poll(); no SIGCHLD handler, no busy wait.
  Fd pidfd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));

  StreamSink out_sink(spec.capture_stdout, spec.stderr_tail_bytes, spec.on_stdout_line);
  StreamSink err_sink(false, spec.stderr_tail_bytes, spec.on_stderr_line);
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
  if (WIFEXITED(status)) {
    outcome.exited = true;
    outcome.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome.signal = WTERMSIG(status);
  }
  out_sink.finish();
  err_sink.finish();
  outcome.stdout_text = out_sink.take();
  outcome.stderr_tail = err_sink.take();
  return outcome;
}

std::string describe_outcome(const ChildOutcome& o, const ChildSpec& spec) {
  std::string how;
  if (o.exited)
    how = fmt::format("exited with status {}", o.exit_status);
  else if (o.signal)
    how = fmt::format("was killed by signal SIG{} ({}{})", signal_name(o.signal), o.signal,
                      o.signal == SIGSEGV ? ", segmentation fault" : "");
  if (o.timed_out && spec.timeout)
    how = fmt::format("timed out after {:g} s and was stopped ({})", spec.timeout->count(), how);
  if (o.interrupted) how = fmt::format("was stopped because benchgate was interrupted ({})", how);
  return how;
}

std::string last_lines(std::string_view text, std::size_t count, std::string_view prefix) {
  std::vector<std::string_view> lines;
  for (std::string_view line : physical_lines(text))
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
  std::string out;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
    out += fmt::format("{}{}\n", prefix, lines[i]);
  return out;
}

std::string shell_quote_command(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& arg : argv) {
    if (!out.empty()) out += ' ';
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-+=/.,:@%") == std::string::npos;
    if (plain) {
      out += arg;
      continue;
    }
    out += '\'';
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

}  // namespace benchgate
