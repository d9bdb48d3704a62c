#pragma once
// What git/ asks of the owner of a notes ref while writing it. git/ knows how notes are stored,
// merged commit by commit and published with a compare-and-swap; the owner (the store) decides how
// writer processes take turns (store/process_lock.h) and how two versions of one note combine
// (its text is the owner's format, docs/store.md).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace benchgate::git {

class NotesPolicy {
 public:
  virtual ~NotesPolicy() = default;

  // Blocks until this process may write what `turn_file` guards; the turn lasts as long as the
  // returned handle.
  virtual std::shared_ptr<void> take_turn(const std::filesystem::path& turn_file) const = 0;

  // Called while holding the turn, between attempts that lost the race for a ref: returns once
  // git's `ref_lock_file` (`<ref>.lock`) is gone. A lock is never taken from its owner by age:
  // it may be removed only when its content is `dead_writers_lock`, what a benchgate writer that
  // died while moving this ref left in it (git/libgit2/notes_ref_intent.h); otherwise it is
  // waited for, and after a bound an EnvironmentError names it.
  virtual void wait_out_ref_lock(const std::filesystem::path& ref_lock_file,
                                 const std::optional<std::string>& dead_writers_lock) const = 0;

  // The text of a note that changed on their side since `base` (nothing: absent there), with
  // ours possibly changed too. Nothing removes the note.
  virtual std::optional<std::string> merge_note(const std::optional<std::string>& base,
                                                const std::optional<std::string>& ours,
                                                const std::optional<std::string>& theirs) const = 0;
};

}  // namespace benchgate::git
