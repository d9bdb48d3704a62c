#include "store/notes_policy.h"

#include <chrono>
#include <thread>

#include "store/process_lock.h"
#include "store/record_lines.h"

namespace benchgate::store {
namespace {

// A ref lock older than this cannot belong to a live git process doing a ref update (those take
// milliseconds); with our turn held it can only be left over from a writer that was killed.
constexpr double kStaleRefLockSeconds = 1.0;

std::vector<std::string> lines_of(const std::optional<std::string>& text) {
  return text ? split_lines(*text) : std::vector<std::string>{};
}

}  // namespace

std::shared_ptr<void> StoreNotesPolicy::take_turn(const std::filesystem::path& turn_file) const {
  return std::make_shared<ProcessLock>(turn_file);
}

// A writer killed just before we started leaves a `<ref>.lock` younger than the stale age. So
// watch the lock in short steps: a live git process releases it within milliseconds (and we go on
// at once), a dead writer's lock is removed as soon as it is stale. Bounded, in case live
// processes keep taking the lock one after another: the retry loop then carries on as before.
void StoreNotesPolicy::wait_out_ref_lock(const std::filesystem::path& ref_lock_file) const {
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(kStaleRefLockSeconds + 0.5);
  while (std::chrono::steady_clock::now() < give_up) {
    const std::optional<double> age = file_age_seconds(ref_lock_file);
    if (!age) return;
    if (*age >= kStaleRefLockSeconds) {
      remove_stale_lock_file(ref_lock_file, kStaleRefLockSeconds);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
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
