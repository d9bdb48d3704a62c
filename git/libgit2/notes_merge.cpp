#include "git/libgit2/notes_merge.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "git/libgit2/handles.h"
#include "git/libgit2/note_changes.h"

namespace benchgate::git {
namespace {

using NoteBlobs = std::map<std::string, git_oid>;  // annotated commit (hex) -> note blob

NoteBlobs note_blobs(git_commit* notes_commit) {
  NoteBlobs out;
  if (!notes_commit) return out;
  git_note_iterator* iterator = nullptr;
  check(git_note_commit_iterator_new(&iterator, notes_commit), "listing notes");
  NoteIteratorPtr owned(iterator);
  git_oid blob, annotated;
  int error;
  while ((error = git_note_next(&blob, &annotated, iterator)) == 0) out[to_hex(annotated)] = blob;
  if (error != GIT_ITEROVER) check(error, "listing notes");
  return out;
}

const git_oid* find_blob(const NoteBlobs& blobs, const std::string& annotated) {
  auto it = blobs.find(annotated);
  return it == blobs.end() ? nullptr : &it->second;
}

bool same(const git_oid* a, const git_oid* b) {
  if (!a || !b) return a == b;
  return git_oid_equal(a, b);
}

std::optional<std::string> blob_text(git_repository* repo, const git_oid* blob) {
  if (!blob) return std::nullopt;
  git_blob* found = nullptr;
  check(git_blob_lookup(&found, repo, blob), "reading a note");
  std::string text(static_cast<const char*>(git_blob_rawcontent(found)),
                   static_cast<std::size_t>(git_blob_rawsize(found)));
  git_blob_free(found);
  return text;
}

// The new text for every note whose merged content differs from ours (nothing: remove the note).
NoteChanges merged_changes(git_repository* repo, const NoteBlobs& base, const NoteBlobs& ours,
                           const NoteBlobs& theirs, const NotesPolicy& policy) {
  std::set<std::string> annotated;
  for (const auto* blobs : {&base, &ours, &theirs})
    for (const auto& [commit, blob] : *blobs) annotated.insert(commit);
  NoteChanges changes;
  for (const auto& commit : annotated) {
    const git_oid* b = find_blob(base, commit);
    const git_oid* o = find_blob(ours, commit);
    const git_oid* t = find_blob(theirs, commit);
    if (same(o, t) || same(t, b)) continue;  // identical, or only we changed it
    std::optional<std::string> text =
        policy.merge_note(blob_text(repo, b), blob_text(repo, o), blob_text(repo, t));
    if (text || o) changes[commit] = std::move(text);
  }
  return changes;
}

}  // namespace

NotesMergeResult merge_notes(git_repository* repo, git_commit* ours, git_commit* theirs,
                             const git_signature* signature, const std::string& what,
                             const NotesPolicy& policy) {
  NotesMergeResult result;
  if (!theirs) return result;
  const git_oid* theirs_id = git_commit_id(theirs);
  if (!ours) {
    result.commit = *theirs_id;
    result.notes_changed = note_blobs(theirs).size();
    return result;
  }
  const git_oid* ours_id = git_commit_id(ours);
  if (git_oid_equal(ours_id, theirs_id) || git_graph_descendant_of(repo, ours_id, theirs_id) == 1)
    return result;  // we already contain everything they have
  git_oid base_id;
  bool has_base = git_merge_base(&base_id, repo, ours_id, theirs_id) == 0;
  git_error_clear();
  if (has_base && git_oid_equal(&base_id, ours_id)) {  // we are behind: fast-forward
    result.commit = *theirs_id;
    result.notes_changed = 1;
    return result;
  }
  CommitPtr base = has_base ? lookup_commit(repo, base_id) : nullptr;
  const NoteChanges changes =
      merged_changes(repo, note_blobs(base.get()), note_blobs(ours), note_blobs(theirs), policy);
  result.notes_changed = changes.size();

  // Apply the changes on top of ours, one notes commit per note (libgit2 keeps the fan-out), then
  // record both histories as parents of a merge commit with the final tree.
  CommitPtr changed;
  git_commit* head = ours;
  if (auto last = apply_note_changes(repo, ours, changes, signature)) {
    changed = lookup_commit(repo, *last);
    head = changed.get();
  }
  git_tree* tree = nullptr;
  check(git_commit_tree(&tree, head), "reading merged notes tree");
  TreePtr owned_tree(tree);
  const git_commit* parents[] = {ours, theirs};
  git_oid merged;
  check(git_commit_create(&merged, repo, nullptr, signature, signature, nullptr,
                          fmt::format("benchgate: merge notes from {}", what).c_str(), tree, 2,
                          parents),
        "committing merged notes");
  result.commit = merged;
  return result;
}

}  // namespace benchgate::git
