#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Removes `lock` when no process holds an flock on it: its writer died. Returns true when the
// caller should try again at once (removed, or already gone), false when a live process holds it.
bool remove_if_owner_died(const std::filesystem::path& lock) {
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  // Holding the dead writer's flock, unlink only if the name still means that file: another
  // waiter may have removed it, and a new writer linked its own lock, meanwhile.
  struct stat held, named;
  if (::fstat(fd, &held) == 0 && ::stat(lock.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
      held.st_ino == named.st_ino)
    ::unlink(lock.c_str());
  ::close(fd);
  return true;
}

// A new file under a private name next to the lock, already flocked, so that it is held from the
// moment link() gives it the lock's name. Private: the pid and a counter; a leftover of a dead
// process that had our pid is simply reused.
int make_locked_candidate(const std::filesystem::path& candidate) {
  const int fd = ::open(candidate.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw EnvironmentError(
        fmt::format("{}: cannot create lock file: {}", candidate.string(), errno_text()));
  if (::flock(fd, LOCK_EX) != 0) {
    const std::string reason = errno_text();
    ::close(fd);
    ::unlink(candidate.c_str());
    throw EnvironmentError(fmt::format("{}: cannot lock: {}", candidate.string(), reason));
  }
  return fd;
}

void fsync_directory(const std::filesystem::path& file) {
  const std::filesystem::path dir = file.parent_path().empty() ? "." : file.parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    throw EnvironmentError(fmt::format("{}: cannot open: {}", dir.string(), errno_text()));
  // EINVAL: a file system that cannot sync directories; the rename is all it offers.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const std::string reason = errno_text();
    ::close(fd);
    throw EnvironmentError(fmt::format("{}: fsync failed: {}", dir.string(), reason));
  }
  ::close(fd);
}

}  // namespace

AtomicFileLock::AtomicFileLock(const std::filesystem::path& path, std::chrono::milliseconds wait)
    : path_(path), lock_(std::filesystem::path(path) += ".lock") {
  const auto give_up = std::chrono::steady_clock::now() + wait;
  std::filesystem::path candidate = lock_;
  static std::atomic<unsigned> counter{0};
  candidate += fmt::format(".{}.{}", ::getpid(), counter++);
  const int fd = make_locked_candidate(candidate);
  for (;;) {
    if (::link(candidate.c_str(), lock_.c_str()) == 0) break;
    const int error = errno;
    if (error == EEXIST && remove_if_owner_died(lock_)) continue;
    if (error != EEXIST || std::chrono::steady_clock::now() >= give_up) {
      ::close(fd);
      ::unlink(candidate.c_str());
      if (error != EEXIST)
        throw EnvironmentError(
            fmt::format("{}: cannot create lock file: {}", lock_.string(), std::strerror(error)));
      throw EnvironmentError(fmt::format(
          "{}: held by a running process for more than {} s (another benchgate writing {}); "
          "try again when it has finished",
          lock_.string(), wait.count() / 1000.0, path_.string()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ::unlink(candidate.c_str());
  fd_ = fd;
}

AtomicFileLock::~AtomicFileLock() {
  if (fd_ < 0) return;
  ::unlink(lock_.c_str());  // still holding the flock: nobody else can have replaced it
  ::close(fd_);
}

void AtomicFileLock::commit(std::string_view content) {
  auto fail = [&](const char* what) {
    throw EnvironmentError(fmt::format("{}: {}: {}", path_.string(), what, errno_text()));
  };
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd_) != 0) fail("fsync failed");
  if (::rename(lock_.c_str(), path_.c_str()) != 0) fail("rename failed");
  // Renamed: the flock now guards `path_` and goes with close; nothing is left to remove.
  ::close(fd_);
  fd_ = -1;
  fsync_directory(path_);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  AtomicFileLock(path).commit(content);
}

}  // namespace benchgate
