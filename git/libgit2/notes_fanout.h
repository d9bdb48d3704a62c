#pragma once
// For the sources of git/. Keeps a notes tree fanned out (`ab/cdef...` instead of 10,000 entries in
// one tree), as git itself does. libgit2 inserts a note into an existing `ab/` subtree but never
// creates one, and a flat tree makes every save rewrite and re-hash the whole list (15 ms per save
// at 10,000 notes, growing linearly). Readers (libgit2 and git) accept any mix of flat and
// fanned-out notes.
#include <optional>

#include <git2.h>

namespace benchgate::git {

// More flat notes than this at the top level triggers a fan-out (git uses the same order of size).
inline constexpr std::size_t kMaxFlatNotes = 256;

// When `notes_commit`'s tree has too many flat notes, commits a fanned-out copy of it (parent:
// `notes_commit`) and returns that commit's id; otherwise returns nothing.
std::optional<git_oid> fan_out_if_needed(git_repository* repo, git_commit* notes_commit,
                                         const git_signature* signature);

}  // namespace benchgate::git
