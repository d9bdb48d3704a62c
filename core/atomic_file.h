#pragma once
// Atomic replacement of a file (git's lockfile pattern, docs/design.md#atomic-writes): write
// `<path>.lock` exclusively, fsync, rename over `path`, fsync the directory. Readers see the old
// or the new content, never half; a second writer that finds the lock waits or fails, it never
// interleaves.
//
// Stale locks (docs/store.md#durability-and-locks): the writer holds an flock on its `.lock` from
// before the name exists (it is made under a private name, locked, then hard-linked into place).
// The kernel drops that flock when the writer dies, so a `.lock` nobody holds an flock on was left
// by a dead writer and is removed; one a live process holds is waited for, then refused with an
// error naming it. Age alone never decides.
#include <chrono>
#include <filesystem>
#include <string_view>

namespace benchgate {

// How long a writer waits for a `.lock` that a live process holds.
inline constexpr std::chrono::milliseconds kAtomicFileLockWait{5000};

// `<path>.lock`, held until committed or destroyed (which removes it).
class AtomicFileLock {
 public:
  // EnvironmentError naming the lock file when a live process holds it for longer than `wait`.
  explicit AtomicFileLock(const std::filesystem::path& path,
                          std::chrono::milliseconds wait = kAtomicFileLockWait);
  ~AtomicFileLock();
  AtomicFileLock(const AtomicFileLock&) = delete;
  AtomicFileLock& operator=(const AtomicFileLock&) = delete;

  // Writes `content`, fsyncs it, renames it over the path and fsyncs the directory.
  void commit(std::string_view content);

 private:
  std::filesystem::path path_, lock_;
  int fd_ = -1;
};

void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace benchgate
