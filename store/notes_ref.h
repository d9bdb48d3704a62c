#pragma once
// Publishing a new notes commit safely (GUIDE §3): build it on top of the ref's current tip, then
// move the ref with a compare-and-swap. When another writer moved the ref first, the build is
// repeated on the new tip (which re-reads and re-merges), after a random pause, up to a cap.
//
// Objects are written before the ref moves and the ref moves atomically (libgit2 writes
// `<ref>.lock` and renames it), so a crash at any point leaves the old or the new state.
#include <functional>
#include <optional>
#include <string>

#include <git2.h>

namespace benchgate::store {

// Builds the next notes commit from `tip` (null when the ref does not exist yet). Returns nothing
// when the ref already holds what the caller wants.
using NotesBuild = std::function<std::optional<git_oid>(git_commit* tip)>;

struct NotesUpdateOutcome {
  bool changed = false;
  int attempts = 0;
  std::optional<git_oid> tip;  // the ref's value afterwards
};

inline constexpr int kMaxPublishAttempts = 25;

NotesUpdateOutcome update_notes_ref(git_repository* repo, const std::string& ref,
                                    const NotesBuild& build, const std::string& log_message);

// Sleeps a random time that grows with `attempt` (1-based), so racing writers spread out.
void sleep_with_jitter(int attempt);

}  // namespace benchgate::store
