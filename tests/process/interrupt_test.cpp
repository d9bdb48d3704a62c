// Ctrl-C and SIGTERM with the handlers installed: benchgate records the signal instead of dying,
// and run_child stops the running child. The handlers are process-wide and a recorded signal is
// never cleared, so each test runs in a forked copy of this program (a death test) and reports
// through its exit code: 0 when every check held, otherwise the number of the failed check.
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "process/interrupt.h"
#include "process/launch.h"

namespace benchgate::process {
namespace {

using ::testing::ExitedWithCode;

bool readable_now(int fd) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

ChildSpec shell(const std::string& script) {
  ChildSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  return spec;
}

TEST(InterruptDeathTest, NothingIsRecordedBeforeASignal) {
  EXPECT_EXIT(
      {
        if (interrupt_wakeup_fd() != -1) std::_Exit(1);  // nothing installed yet
        install_interrupt_handlers();
        const int fd = interrupt_wakeup_fd();
        if (fd < 0) std::_Exit(2);
        install_interrupt_handlers();  // idempotent: the same pipe
        if (interrupt_wakeup_fd() != fd) std::_Exit(3);
        if (interrupt_signal() != 0) std::_Exit(4);
        if (readable_now(fd)) std::_Exit(5);
        std::_Exit(0);
      },
      ExitedWithCode(0), "");
}

TEST(InterruptDeathTest, SigtermIsRecordedAndWakesThePipeInsteadOfKilling) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        raise(SIGTERM);
        if (interrupt_signal() != SIGTERM) std::_Exit(1);
        if (!readable_now(interrupt_wakeup_fd())) std::_Exit(2);
        raise(SIGINT);  // the first signal is the one reported
        if (interrupt_signal() != SIGTERM) std::_Exit(3);
        std::_Exit(0);
      },
      ExitedWithCode(0), "");
}

TEST(InterruptDeathTest, RunChildStopsTheChildWhenCtrlCArrives) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        // The child sends SIGINT to benchgate (its parent), as a terminal's Ctrl-C would, and
        // would then sleep far longer than the test's patience.
        const auto start = std::chrono::steady_clock::now();
        const ChildOutcome o = run_child(shell("kill -INT $PPID; sleep 30"));
        const double took =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (interrupt_signal() != SIGINT) std::_Exit(1);
        if (!o.interrupted || o.timed_out || o.succeeded()) std::_Exit(2);
        if (o.signal != SIGTERM) std::_Exit(3);  // asked to stop, and it did
        if (took > 10) std::_Exit(4);
        std::_Exit(0);
      },
      ExitedWithCode(0), "");
}

TEST(InterruptDeathTest, ChildrenGetTheDefaultSignalHandling) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        signal(SIGPIPE, SIG_IGN);  // an ignored signal would be inherited through exec
        // Neither our handlers nor an ignored SIGPIPE reach the child: it dies of its own
        // signals as usual, and benchgate, in another process group, does not see them.
        if (run_child(shell("kill -INT $$; sleep 5")).signal != SIGINT) std::_Exit(1);
        if (run_child(shell("kill -PIPE $$; sleep 5")).signal != SIGPIPE) std::_Exit(2);
        if (interrupt_signal() != 0) std::_Exit(3);
        std::_Exit(0);
      },
      ExitedWithCode(0), "");
}

}  // namespace
}  // namespace benchgate::process
