#include "git/libgit2/handles.h"

#include <mutex>

#include <fmt/format.h>

#include "core/errors.h"
#include "git/revision.h"

namespace benchgate::git {

void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // libgit2 caches parsed trees only up to 4 KiB by default; a notes tree with a few hundred
    // entries is larger, and finding a baseline reads it once per candidate commit.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{4} << 20);
    // Durability (docs/store.md#durability-and-locks): objects and refs are fsynced, with their
    // directories, before a ref names them, so a saved baseline survives a power loss.
    git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
    // Reading an object does not hash it again, as git itself does not: every object is a zlib
    // stream whose own checksum already catches a damaged file, and the SHA-1 of each note was a
    // fifth of reading a 10,000-commit history (docs/store.md#durability-and-locks).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
}

std::string last_git_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

int check(int error, std::string_view what) {
  if (error < 0) throw EnvironmentError(fmt::format("{}: {}", what, last_git_error()));
  return error;
}

std::string to_hex(const git_oid& oid) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, &oid);
  return buffer;
}

git_oid oid_from_hex(const std::string& hex) {
  git_oid oid;
  if (!is_full_hex_oid(hex) || git_oid_fromstr(&oid, hex.c_str()) < 0)
    throw InputError(fmt::format("\"{}\" is not a full commit id (40 hex digits)", hex));
  return oid;
}

git_oid resolve_commit(git_repository* repo, const std::string& revision) {
  git_object* object = nullptr;
  if (git_revparse_single(&object, repo, revision.c_str()) < 0)
    throw InputError(fmt::format("revision \"{}\": {}", revision, last_git_error()));
  ObjectPtr owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) < 0)
    throw InputError(fmt::format("revision \"{}\" does not name a commit", revision));
  ObjectPtr owned_peeled(peeled);
  return *git_object_id(peeled);
}

CommitPtr lookup_commit(git_repository* repo, const git_oid& oid) {
  git_commit* commit = nullptr;
  check(git_commit_lookup(&commit, repo, &oid), fmt::format("commit {}", to_hex(oid)));
  return CommitPtr(commit);
}

CommitPtr commit_of_reference(git_repository* repo, const std::string& ref_name) {
  git_oid oid;
  int error = git_reference_name_to_id(&oid, repo, ref_name.c_str());
  if (error == GIT_ENOTFOUND) return nullptr;
  check(error, fmt::format("reading {}", ref_name));
  return lookup_commit(repo, oid);
}

SignaturePtr default_signature(git_repository* repo) {
  git_signature* signature = nullptr;
  if (git_signature_default(&signature, repo) < 0)
    check(git_signature_now(&signature, "benchgate", "benchgate@localhost"),
          "creating a signature");
  return SignaturePtr(signature);
}

}  // namespace benchgate::git
