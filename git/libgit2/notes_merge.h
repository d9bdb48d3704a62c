#pragma once
// For the sources of git/: merging two histories of a notes ref (local and fetched), note by note.
// A note changed on one side only takes that side; one changed on both is combined by the
// policy's merge_note (for the store: line by line, so a record added on either side survives and
// a note pruned on one side stays removed unless the other side changed it too).
#include <optional>
#include <string>

#include <git2.h>

#include "git/notes_policy.h"

namespace benchgate::git {

struct NotesMergeResult {
  std::optional<git_oid> commit;  // what the local ref should point to; nothing: keep `ours`
  std::size_t notes_changed = 0;  // notes whose text differs from `ours`
};

// `ours` and `theirs` are notes commits (either may be null). The result is a fast-forward to
// `theirs` when possible, otherwise a merge commit with parents (ours, theirs), so that pushing it
// to the remote is a fast-forward there.
NotesMergeResult merge_notes(git_repository* repo, git_commit* ours, git_commit* theirs,
                             const git_signature* signature, const std::string& what,
                             const NotesPolicy& policy);

}  // namespace benchgate::git
