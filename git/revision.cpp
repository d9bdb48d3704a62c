#include "git/revision.h"

#include "core/errors.h"
#include "git/libgit2/handles.h"

namespace benchgate::git {
namespace {

// The commit `commit_id`, or null when this clone does not have it.
CommitPtr find_commit(const Repository& repo, const std::string& commit_id) {
  const git_oid oid = oid_from_hex(commit_id);
  git_commit* found = nullptr;
  if (git_commit_lookup(&found, repo.handle(), &oid) < 0) {
    git_error_clear();
    return CommitPtr();
  }
  return CommitPtr(found);
}

}  // namespace

bool is_full_hex_oid(std::string_view text) {
  if (text.size() != GIT_OID_HEXSZ) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string resolve_revision(const Repository& repo, const std::string& revision) {
  return to_hex(resolve_commit(repo.handle(), revision));
}

std::string resolve_revision(const std::filesystem::path& repo, const std::string& revision) {
  return resolve_revision(Repository::open(repo), revision);
}

std::optional<std::string> try_resolve_revision(const Repository& repo,
                                                const std::string& revision) {
  try {
    return resolve_revision(repo, revision);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::optional<std::string> try_resolve_revision(const std::filesystem::path& repo,
                                                const std::string& revision) {
  const std::optional<Repository> handle = Repository::find(repo);
  if (!handle) return std::nullopt;
  return try_resolve_revision(*handle, revision);
}

std::optional<std::string> first_parent(const std::filesystem::path& repo,
                                        const std::string& commit) {
  Repository handle = Repository::open(repo);
  CommitPtr c = lookup_commit(handle.handle(), resolve_commit(handle.handle(), commit));
  if (git_commit_parentcount(c.get()) == 0) return std::nullopt;
  return to_hex(*git_commit_parent_id(c.get(), 0));
}

bool has_commit(const Repository& repo, const std::string& commit_id) {
  return find_commit(repo, commit_id) != nullptr;
}

std::optional<long long> commit_time(const Repository& repo, const std::string& commit_id) {
  CommitPtr found = find_commit(repo, commit_id);
  if (!found) return std::nullopt;
  return static_cast<long long>(git_commit_time(found.get()));
}

std::optional<CommitSummary> commit_summary(const Repository& repo, const std::string& commit_id) {
  CommitPtr found = find_commit(repo, commit_id);
  if (!found) return std::nullopt;
  // The subject paragraph joined to one line; NULL only when memory ran out.
  const char* summary = git_commit_summary(found.get());
  return CommitSummary{static_cast<long long>(git_commit_time(found.get())),
                       summary ? summary : ""};
}

std::optional<std::string> reference_commit(const Repository& repo, const std::string& ref) {
  CommitPtr commit = commit_of_reference(repo.handle(), ref);
  if (!commit) return std::nullopt;
  return to_hex(*git_commit_id(commit.get()));
}

bool is_valid_reference_name(const std::string& name) {
  ensure_libgit2();
  int valid = 0;
  return git_reference_name_is_valid(&valid, name.c_str()) == 0 && valid;
}

}  // namespace benchgate::git
