#pragma once
// Reading one note of a notes commit and writing a set of note changes on top of one, for the
// sources of git/: shared by edits (git/notes.h) and the merge of a remote's notes.
#include <optional>
#include <string>

#include <git2.h>

#include "git/notes.h"

namespace benchgate::git {

// The note text of `annotated` in `notes_commit` (null: no notes yet), or nothing.
std::optional<std::string> read_note(git_repository* repo, git_commit* notes_commit,
                                     const git_oid& annotated);

// Writes `changes` on top of `notes_commit` (null: no notes yet), one notes commit per change,
// fanning the tree out first when a note is added (git/libgit2/notes_fanout.h). Returns the last
// commit written, or nothing when no change applied (removals of notes that are not there).
std::optional<git_oid> apply_note_changes(git_repository* repo, git_commit* notes_commit,
                                          const NoteChanges& changes,
                                          const git_signature* signature);

}  // namespace benchgate::git
