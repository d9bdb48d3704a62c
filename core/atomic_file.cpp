#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// O_EXCL makes the lock the arbiter between concurrent writers of the same file.
int open_lock_exclusively(const std::filesystem::path& lock) {
  using namespace std::chrono_literals;
  for (int attempt = 0; attempt < 200; ++attempt) {
    int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) return fd;
    if (errno != EEXIST)
      throw EnvironmentError(
          fmt::format("{}: cannot create lock file: {}", lock.string(), errno_text()));
    std::this_thread::sleep_for(25ms);
  }
  throw EnvironmentError(fmt::format(
      "{}: lock file exists for more than 5 s; another benchgate is writing, or one crashed "
      "(remove the .lock file if no other benchgate is running)",
      lock.string()));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path lock = path;
  lock += ".lock";
  int fd = open_lock_exclusively(lock);
  auto fail = [&](const char* what) {
    std::string reason = errno_text();
    ::close(fd);
    ::unlink(lock.c_str());
    throw EnvironmentError(fmt::format("{}: {}: {}", path.string(), what, reason));
  };
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("fsync failed");
  if (::close(fd) != 0) {
    fd = -1;
    ::unlink(lock.c_str());
    throw EnvironmentError(fmt::format("{}: close failed: {}", path.string(), errno_text()));
  }
  if (::rename(lock.c_str(), path.c_str()) != 0) {
    std::string reason = errno_text();
    ::unlink(lock.c_str());
    throw EnvironmentError(fmt::format("{}: rename failed: {}", path.string(), reason));
  }
}

}  // namespace benchgate
