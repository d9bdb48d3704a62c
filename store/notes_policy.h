#pragma once
// The store's side of writing a notes ref (git/notes_policy.h): benchgate writers take turns with
// an flock (store/process_lock.h), a ref lock left by a writer killed while moving the ref is
// recognised by its content and removed (any other is waited for, never taken), and
// two versions of a note merge line by line as JSON Lines records (store/record_lines.h).
#include "git/notes_policy.h"

namespace benchgate::store {

class StoreNotesPolicy final : public git::NotesPolicy {
 public:
  std::shared_ptr<void> take_turn(const std::filesystem::path& turn_file) const override;
  void wait_out_ref_lock(const std::filesystem::path& ref_lock_file,
                         const std::optional<std::string>& dead_writers_lock) const override;
  std::optional<std::string> merge_note(const std::optional<std::string>& base,
                                        const std::optional<std::string>& ours,
                                        const std::optional<std::string>& theirs) const override;
};

}  // namespace benchgate::store
