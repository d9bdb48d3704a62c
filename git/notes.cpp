#include "git/notes.h"

#include "git/libgit2/handles.h"
#include "git/libgit2/note_changes.h"
#include "git/libgit2/notes_ref.h"

namespace benchgate::git {

std::optional<std::string> read_note(const Repository& repo, const std::string& ref,
                                     const std::string& commit_id) {
  CommitPtr tip = commit_of_reference(repo.handle(), ref);
  return read_note(repo.handle(), tip.get(), oid_from_hex(commit_id));
}

std::vector<std::string> annotated_commits(const Repository& repo, const std::string& ref) {
  std::vector<std::string> out;
  CommitPtr tip = commit_of_reference(repo.handle(), ref);
  if (!tip) return out;
  git_note_iterator* iterator = nullptr;
  check(git_note_commit_iterator_new(&iterator, tip.get()), "listing notes");
  NoteIteratorPtr owned(iterator);
  git_oid note_id, annotated_id;
  int error;
  while ((error = git_note_next(&note_id, &annotated_id, iterator)) == 0)
    out.push_back(to_hex(annotated_id));
  if (error != GIT_ITEROVER) check(error, "listing notes");
  return out;
}

std::optional<std::string> NotesTip::read(const std::string& commit_id) const {
  return read_note(repo_, tip_, oid_from_hex(commit_id));
}

NotesUpdateOutcome edit_notes(const Repository& repo, const std::string& ref, const NotesEdit& edit,
                              const std::string& log_message, const NotesPolicy& policy,
                              const std::function<void()>& before_publish) {
  git_repository* raw = repo.handle();
  SignaturePtr signature = default_signature(raw);
  auto build = [&](git_commit* tip) -> std::optional<git_oid> {
    const NoteChanges changes = edit(NotesTip(raw, tip));
    if (changes.empty()) return std::nullopt;
    std::optional<git_oid> next = apply_note_changes(raw, tip, changes, signature.get());
    if (next && before_publish) before_publish();
    return next;
  };
  RefUpdate update = update_notes_ref(raw, ref, build, log_message, policy);
  NotesUpdateOutcome outcome;
  outcome.changed = update.changed;
  outcome.attempts = update.attempts;
  if (update.tip) outcome.tip = to_hex(*update.tip);
  return outcome;
}

}  // namespace benchgate::git
