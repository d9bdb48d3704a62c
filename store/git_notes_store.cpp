#include "store/git_notes_store.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "store/failpoint.h"
#include "store/notes_fanout.h"
#include "store/notes_ref.h"

namespace benchgate::store {

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

GitNotesStore::GitNotesStore(const std::filesystem::path& repo_path, std::string ref)
    : repo_(open_repository(repo_path)), ref_(std::move(ref)) {}

std::string GitNotesStore::describe() const {
  return fmt::format("git notes {} in {}", ref_, git_repository_commondir(repo_.get()));
}

void GitNotesStore::check_key(const std::string& commit) const {
  git_oid oid = oid_from_hex(commit);
  git_commit* found = nullptr;
  if (git_commit_lookup(&found, repo_.get(), &oid) < 0)
    throw InputError(fmt::format("commit {} is not in {}", commit, describe()));
  git_commit_free(found);
}

std::optional<std::string> GitNotesStore::read_text(const std::string& commit) const {
  CommitPtr tip = commit_of_reference(repo_.get(), ref_);
  return read_note(repo_.get(), tip.get(), oid_from_hex(commit));
}

std::vector<std::string> GitNotesStore::annotated_commits() const {
  std::vector<std::string> out;
  CommitPtr tip = commit_of_reference(repo_.get(), ref_);
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

void GitNotesStore::merge_lines(const std::string& commit, const std::vector<std::string>& lines) {
  git_repository* repo = repo_.get();
  const git_oid target = oid_from_hex(commit);
  SignaturePtr signature = default_signature(repo);
  auto build = [&](git_commit* tip) -> std::optional<git_oid> {
    std::vector<std::string> current;
    if (auto text = read_note(repo, tip, target)) current = split_lines(*text);
    std::vector<std::string> merged = union_lines(current, lines);
    if (merged.size() == current.size()) return std::nullopt;
    CommitPtr parent;
    if (tip)
      if (auto fanned = fan_out_if_needed(repo, tip, signature.get()))
        parent = lookup_commit(repo, *fanned);
    git_oid notes_commit, notes_blob;
    check(git_note_commit_create(&notes_commit, &notes_blob, repo, parent ? parent.get() : tip,
                                 signature.get(), signature.get(), &target,
                                 join_lines(merged).c_str(),
                                 /*allow_note_overwrite=*/1),
          fmt::format("writing the note of {}", commit));
    failpoint("notes-before-publish");
    return notes_commit;
  };
  update_notes_ref(repo, ref_, build, "benchgate: save baseline for " + commit);
}

void GitNotesStore::remove(const std::vector<std::string>& commits) {
  git_repository* repo = repo_.get();
  SignaturePtr signature = default_signature(repo);
  auto build = [&](git_commit* tip) -> std::optional<git_oid> {
    if (!tip) return std::nullopt;
    CommitPtr current;  // the chain of removals; each git_note_commit_remove adds one commit
    std::optional<git_oid> last;
    for (const auto& commit : commits) {
      git_oid target = oid_from_hex(commit), next;
      int error = git_note_commit_remove(&next, repo, current ? current.get() : tip,
                                         signature.get(), signature.get(), &target);
      if (error == GIT_ENOTFOUND) {
        git_error_clear();
        continue;
      }
      check(error, fmt::format("removing the note of {}", commit));
      current = lookup_commit(repo, next);
      last = next;
    }
    return last;
  };
  update_notes_ref(repo, ref_, build, "benchgate: prune baselines");
}

std::optional<long long> GitNotesStore::commit_time(const std::string& commit) const {
  git_oid oid = oid_from_hex(commit);
  git_commit* found = nullptr;
  if (git_commit_lookup(&found, repo_.get(), &oid) < 0) {
    git_error_clear();  // notes fetched for commits this clone does not have
    return std::nullopt;
  }
  CommitPtr owned(found);
  return static_cast<long long>(git_commit_time(found));
}

}  // namespace benchgate::store
