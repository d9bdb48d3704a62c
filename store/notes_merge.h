#pragma once
// Merging two histories of a notes ref (local and fetched), note by note and line by line: a
// record added on either side survives, exact duplicates collapse, and a note removed on one side
// (prune) stays removed unless the other side changed it too.
#include <optional>
#include <string>

#include <git2.h>

namespace benchgate::store {

struct NotesMergeResult {
  std::optional<git_oid> commit;  // what the local ref should point to; nothing: keep `ours`
  std::size_t notes_changed = 0;  // notes whose text differs from `ours`
};

// `ours` and `theirs` are notes commits (either may be null). The result is a fast-forward to
// `theirs` when possible, otherwise a merge commit with parents (ours, theirs), so that pushing it
// to the remote is a fast-forward there.
NotesMergeResult merge_notes(git_repository* repo, git_commit* ours, git_commit* theirs,
                             const git_signature* signature, const std::string& what);

}  // namespace benchgate::store
