#include "store/notes_policy.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "core/errors.h"
#include "store/process_lock.h"
#include "store/record_lines.h"

namespace benchgate::store {
namespace {

// How long a `<ref>.lock` held by someone else is waited for. git itself waits 100 ms
// (core.filesRefLockTimeout); a live writer holds a ref lock for milliseconds.
constexpr std::chrono::seconds kRefLockWait{5};
// libgit2 creates the lock empty and writes the new value into it just before renaming it (after
// appending to the reflog), so a writer killed in between leaves it empty. An empty lock is taken
// as the dead writer's only when its record names this ref and the lock has stayed empty this
// long: a live writer fills its lock within microseconds.
constexpr double kEmptyLockSeconds = 1.0;

// The lock's content; nothing when it does not exist.
std::optional<std::string> lock_content(const std::filesystem::path& lock) {
  std::ifstream in(lock, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::optional<std::string>& text) {
  return text ? split_lines(*text) : std::vector<std::string>{};
}

}  // namespace

std::shared_ptr<void> StoreNotesPolicy::take_turn(const std::filesystem::path& turn_file) const {
  return std::make_shared<ProcessLock>(turn_file);
}

// Git's rule: a ref lock is never taken from its owner because of its age. Watched in growing
// steps: a live git process releases it within milliseconds (and we go on at once); a lock a
// benchgate writer left when it died is recognised by its content and removed; anything else is
// refused after kRefLockWait, naming the file and the way out.
void StoreNotesPolicy::wait_out_ref_lock(
    const std::filesystem::path& ref_lock_file,
    const std::optional<std::string>& dead_writers_lock) const {
  const auto give_up = std::chrono::steady_clock::now() + kRefLockWait;
  for (int step = 0;; ++step) {
    const std::optional<std::string> content = lock_content(ref_lock_file);
    if (!content) return;
    if (dead_writers_lock &&
        (*content == *dead_writers_lock ||
         (content->empty() && file_age_seconds(ref_lock_file).value_or(0) >= kEmptyLockSeconds))) {
      std::filesystem::remove(ref_lock_file);
      return;
    }
    if (std::chrono::steady_clock::now() >= give_up)
      throw EnvironmentError(fmt::format(
          "{}: held by another process for more than {} s; if no git or benchgate process is "
          "using this repository, it was left by one that crashed: remove it (rm '{}') and try "
          "again",
          ref_lock_file.string(), kRefLockWait.count(), ref_lock_file.string()));
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10 << std::min(step, 4), 100)));
  }
}

std::optional<std::string> StoreNotesPolicy::merge_note(
    const std::optional<std::string>& base, const std::optional<std::string>& ours,
    const std::optional<std::string>& theirs) const {
  // Only they changed it: take theirs. Both did: keep every record either side added.
  const std::vector<std::string> lines =
      ours == base ? lines_of(theirs)
                   : merge_lines_three_way(lines_of(base), lines_of(ours), lines_of(theirs));
  if (lines.empty()) return std::nullopt;
  return join_lines(lines);
}

}  // namespace benchgate::store
