#include "process/interrupt.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace benchgate::process {
namespace {

std::atomic<int> g_signal{0};
// Self-pipe: the handler writes one byte so that a poll() waiting on a child wakes up at once.
int g_pipe[2] = {-1, -1};

void on_stop_signal(int signo) {
  int expected = 0;
  g_signal.compare_exchange_strong(expected, signo);
  if (g_pipe[1] >= 0) {
    int saved = errno;  // the handler must not disturb errno of the interrupted code
    [[maybe_unused]] ssize_t n = write(g_pipe[1], "x", 1);
    errno = saved;
  }
}

}  // namespace

void install_interrupt_handlers() {
  if (g_pipe[0] >= 0) return;
  if (pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) g_pipe[0] = g_pipe[1] = -1;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() {
  return g_signal.load();
}

int interrupt_wakeup_fd() {
  return g_pipe[0];
}

}  // namespace benchgate::process
