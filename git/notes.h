#pragma once
// Reading and editing the notes of one notes ref (`refs/notes/...`): the note on commit C is a
// text attached to C. An edit is built on top of the ref's current tip and published with a
// compare-and-swap; when another writer moved the ref first, the edit is repeated on the new tip
// after a random pause, up to a cap. Objects are written before the ref moves and the ref moves
// atomically, so a crash at any point leaves the old or the new state (docs/store.md).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "git/notes_policy.h"
#include "git/repository.h"

struct git_commit;

namespace benchgate::git {

// The note text of `commit_id` under `ref`, or nothing.
std::optional<std::string> read_note(const Repository& repo, const std::string& ref,
                                     const std::string& commit_id);
// Every commit with a note under `ref`, in no particular order.
std::vector<std::string> annotated_commits(const Repository& repo, const std::string& ref);

// The notes an edit starts from: the ref's tip at the time of the attempt.
class NotesTip {
 public:
  NotesTip(git_repository* repo, git_commit* tip) : repo_(repo), tip_(tip) {}
  // The note of `commit_id` at this tip, or nothing (also when the ref does not exist yet).
  std::optional<std::string> read(const std::string& commit_id) const;

 private:
  git_repository* repo_;
  git_commit* tip_;  // null when the ref does not exist yet
};

// Annotated commit id -> its new note text, or nothing to remove its note.
using NoteChanges = std::map<std::string, std::optional<std::string>>;
// What to change on top of `tip`; no changes: the ref already holds what the caller wants.
using NotesEdit = std::function<NoteChanges(const NotesTip& tip)>;

struct NotesUpdateOutcome {
  bool changed = false;
  int attempts = 0;
  std::optional<std::string> tip;  // the notes commit the ref points at afterwards
};

inline constexpr int kMaxPublishAttempts = 25;

// Applies `edit` to `ref` (see above). `before_publish` runs after the new notes commit is
// written and before the ref moves (crash tests stop there).
NotesUpdateOutcome edit_notes(const Repository& repo, const std::string& ref, const NotesEdit& edit,
                              const std::string& log_message, const NotesPolicy& policy,
                              const std::function<void()>& before_publish = {});

}  // namespace benchgate::git
