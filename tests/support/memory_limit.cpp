#include "tests/support/memory_limit.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <new>
#include <stdexcept>

namespace benchgate::testing {
namespace {

// The child's current address-space size (VmSize of /proc/self/status), in bytes.
std::size_t address_space_bytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmSize:") {
      std::size_t kib = 0;
      status >> kib;
      return kib * 1024;
    }
    status.ignore(1 << 16, '\n');
  }
  throw std::runtime_error("no VmSize in /proc/self/status");
}

void send(int fd, char kind, const std::string& text) {
  const std::string message = kind + text;
  (void)!::write(fd, message.data(), message.size());
}

}  // namespace

bool memory_limits_work() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#else
  return true;
#endif
#else
  return true;
#endif
}

LimitedRun run_with_memory_headroom(const std::function<std::string()>& body,
                                    std::size_t headroom_bytes) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const rlimit limit{address_space_bytes() + headroom_bytes,
                       address_space_bytes() + headroom_bytes};
    ::setrlimit(RLIMIT_AS, &limit);
    try {
      send(fds[1], 'r', body());
    } catch (const std::bad_alloc&) {
      send(fds[1], 'm', "");
    } catch (const std::exception& e) {
      send(fds[1], 't', e.what());
    }
    ::_exit(0);  // no atexit handlers, no gtest teardown in the child
  }
  ::close(fds[1]);
  std::string received;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
    received.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  LimitedRun run;
  if (received.empty()) return run;  // crashed (e.g. terminate on an allocation failure)
  run.text = received.substr(1);
  run.ended = received[0] == 'r'   ? LimitedRun::Ended::returned
              : received[0] == 't' ? LimitedRun::Ended::threw
                                   : LimitedRun::Ended::out_of_memory;
  return run;
}

}  // namespace benchgate::testing
