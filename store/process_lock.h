#pragma once
// An advisory lock (flock) on a file that is never deleted, held for the duration of a scope.
//
// Why not only `<file>.lock`: a process killed with SIGKILL leaves its `.lock` file behind, and
// the next writer cannot tell a crashed writer from a slow one. The kernel drops an flock when its
// holder dies, so a writer holding this lock knows that any leftover `.lock` of the files it
// guards belongs to a dead benchgate and may be removed.
#include <filesystem>
#include <optional>

namespace benchgate::store {

class ProcessLock {
 public:
  // Blocks until the lock is acquired; EnvironmentError when the file cannot be opened.
  explicit ProcessLock(const std::filesystem::path& path);
  ~ProcessLock();
  ProcessLock(const ProcessLock&) = delete;
  ProcessLock& operator=(const ProcessLock&) = delete;

 private:
  int fd_ = -1;
};

// How long ago `file` was last modified; nothing when it does not exist.
std::optional<double> file_age_seconds(const std::filesystem::path& file);

// Removes `lock_file` if it exists and was last modified more than `min_age_seconds` ago. Only
// call while holding the ProcessLock that guards it.
bool remove_stale_lock_file(const std::filesystem::path& lock_file, double min_age_seconds);

}  // namespace benchgate::store
