#include "process/pipe.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::process {

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    reset();
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

void Fd::reset() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

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

}  // namespace benchgate::process
