#pragma once
// Thin RAII over libgit2 for the sources of git/ (never included outside git/): one owning pointer
// type per handle, and `check` turning a libgit2 error code into an EnvironmentError that quotes
// libgit2's own message, so no handle leaks on the exception paths.
#include <memory>
#include <string>
#include <string_view>

#include <git2.h>

namespace benchgate::git {

// Initialises libgit2 once per process (thread-safe, idempotent) and tunes its object cache so
// that large notes trees are parsed once per process, not once per lookup.
void ensure_libgit2();

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using TreeBuilderPtr = GitPtr<git_treebuilder, git_treebuilder_free>;
using NotePtr = GitPtr<git_note, git_note_free>;
using NoteIteratorPtr = GitPtr<git_note_iterator, git_note_iterator_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using SignaturePtr = GitPtr<git_signature, git_signature_free>;
using RemotePtr = GitPtr<git_remote, git_remote_free>;
using ConfigPtr = GitPtr<git_config, git_config_free>;

// Throws EnvironmentError("<what>: <libgit2 message>") when `error` < 0; returns it otherwise.
int check(int error, std::string_view what);
// The last libgit2 error message (or "unknown error").
std::string last_git_error();

std::string to_hex(const git_oid& oid);
git_oid oid_from_hex(const std::string& hex);  // throws InputError when not 40 hex digits

// Resolves a revision (branch, tag, sha, HEAD~2, ...) to a commit; InputError names the revision.
git_oid resolve_commit(git_repository* repo, const std::string& revision);
CommitPtr lookup_commit(git_repository* repo, const git_oid& oid);
// The commit a reference points at, or null when the reference does not exist.
CommitPtr commit_of_reference(git_repository* repo, const std::string& ref_name);
// user.name/user.email when configured, else a fixed identity (CI machines often have none).
SignaturePtr default_signature(git_repository* repo);

}  // namespace benchgate::git
