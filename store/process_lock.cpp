#include "store/process_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::store {

ProcessLock::ProcessLock(const std::filesystem::path& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw EnvironmentError(
        fmt::format("{}: cannot open lock: {}", path.string(), std::strerror(errno)));
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int saved = errno;
    ::close(fd_);
    throw EnvironmentError(fmt::format("{}: cannot lock: {}", path.string(), std::strerror(saved)));
  }
}

ProcessLock::~ProcessLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::optional<double> file_age_seconds(const std::filesystem::path& file) {
  struct stat info;
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  struct timespec now;
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<double>(now.tv_sec - info.st_mtim.tv_sec) +
         static_cast<double>(now.tv_nsec - info.st_mtim.tv_nsec) / 1e9;
}

bool remove_stale_lock_file(const std::filesystem::path& lock_file, double min_age_seconds) {
  std::optional<double> age = file_age_seconds(lock_file);
  if (!age || *age < min_age_seconds) return false;
  return ::unlink(lock_file.c_str()) == 0;
}

}  // namespace benchgate::store
