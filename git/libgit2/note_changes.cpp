#include "git/libgit2/note_changes.h"

#include <algorithm>

#include <fmt/format.h>

#include "git/libgit2/handles.h"
#include "git/libgit2/notes_fanout.h"

namespace benchgate::git {

std::optional<std::string> read_note(git_repository* repo, git_commit* notes_commit,
                                     const git_oid& annotated) {
  if (!notes_commit) return std::nullopt;
  git_note* note = nullptr;
  int error = git_note_commit_read(&note, repo, notes_commit, &annotated);
  if (error == GIT_ENOTFOUND) {
    git_error_clear();
    return std::nullopt;
  }
  check(error, fmt::format("reading the note of {}", to_hex(annotated)));
  NotePtr owned(note);
  return std::string(git_note_message(note));
}

std::optional<git_oid> apply_note_changes(git_repository* repo, git_commit* notes_commit,
                                          const NoteChanges& changes,
                                          const git_signature* signature) {
  CommitPtr current;
  git_commit* head = notes_commit;
  std::optional<git_oid> last;
  const bool adds = std::any_of(changes.begin(), changes.end(),
                                [](const auto& change) { return change.second.has_value(); });
  // libgit2 inserts a note into an existing fan-out subtree but never creates one.
  if (head && adds)
    if (auto fanned = fan_out_if_needed(repo, head, signature)) {
      current = lookup_commit(repo, *fanned);
      head = current.get();
      last = *fanned;
    }
  for (const auto& [commit, text] : changes) {
    const git_oid target = oid_from_hex(commit);
    git_oid next, blob;
    if (text) {
      check(git_note_commit_create(&next, &blob, repo, head, signature, signature, &target,
                                   text->c_str(), /*allow_note_overwrite=*/1),
            fmt::format("writing the note of {}", commit));
    } else {
      if (!head) continue;
      int error = git_note_commit_remove(&next, repo, head, signature, signature, &target);
      if (error == GIT_ENOTFOUND) {
        git_error_clear();
        continue;
      }
      check(error, fmt::format("removing the note of {}", commit));
    }
    current = lookup_commit(repo, next);
    head = current.get();
    last = next;
  }
  return last;
}

}  // namespace benchgate::git
