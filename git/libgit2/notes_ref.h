#pragma once
// Publishing a new notes commit safely, for the sources of git/: build it on top of the ref's
// current tip, then move the ref with a compare-and-swap; when another writer moved the ref
// first, the build is repeated on the new tip (which re-reads and re-merges), after a random
// pause, up to kMaxPublishAttempts (git/notes.h).
//
// Objects are written before the ref moves and the ref moves atomically (libgit2 writes
// `<ref>.lock` and renames it), so a crash at any point leaves the old or the new state.
#include <functional>
#include <optional>
#include <string>

#include <git2.h>

#include "git/notes_policy.h"

namespace benchgate::git {

// Builds the next notes commit from `tip` (null when the ref does not exist yet). Returns nothing
// when the ref already holds what the caller wants.
using NotesBuild = std::function<std::optional<git_oid>(git_commit* tip)>;

struct RefUpdate {
  bool changed = false;
  int attempts = 0;
  std::optional<git_oid> tip;  // the ref's value afterwards
};

// Sleeps a random time that grows with `attempt` (1-based), so racing writers spread out.
void sleep_with_jitter(int attempt);

RefUpdate update_notes_ref(git_repository* repo, const std::string& ref, const NotesBuild& build,
                           const std::string& log_message, const NotesPolicy& policy);

}  // namespace benchgate::git
