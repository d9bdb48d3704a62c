#pragma once
// Which commit a name means: revisions (branch, tag, sha, HEAD~2, ...), references, and whether a
// commit is present in this clone. Commit ids are full 40-digit lower-case hex strings.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "git/repository.h"

namespace benchgate::git {

// `text` is a full commit id: 40 lower-case hex digits.
bool is_full_hex_oid(std::string_view text);

// Full commit id of `revision`; InputError naming the revision when it does not resolve.
std::string resolve_revision(const Repository& repo, const std::string& revision);
std::string resolve_revision(const std::filesystem::path& repo, const std::string& revision);

// The commit id of `revision` when it resolves, else nothing (no error; also nothing when `repo`
// is in no repository).
std::optional<std::string> try_resolve_revision(const Repository& repo,
                                                const std::string& revision);
std::optional<std::string> try_resolve_revision(const std::filesystem::path& repo,
                                                const std::string& revision);

// The first parent of `commit` (a revision), or nothing for a root commit.
std::optional<std::string> first_parent(const std::filesystem::path& repo,
                                        const std::string& commit);

// The commit `commit_id` is in this clone. InputError when it is not a full commit id.
bool has_commit(const Repository& repo, const std::string& commit_id);

// The commit time (seconds since the epoch) of `commit_id`, or nothing when this clone does not
// have the commit. InputError when it is not a full commit id.
std::optional<long long> commit_time(const Repository& repo, const std::string& commit_id);

// What a history shows of a commit: its committer time and the first line of its message.
struct CommitSummary {
  long long time = 0;   // committer time, seconds since the epoch
  std::string subject;  // first line of the message, untrusted text as written
};

// The summary of `commit_id`, or nothing when this clone does not have the commit. InputError
// when it is not a full commit id.
std::optional<CommitSummary> commit_summary(const Repository& repo, const std::string& commit_id);

// The commit the reference `ref` (a full name: refs/...) points at, or nothing when it does not
// exist.
std::optional<std::string> reference_commit(const Repository& repo, const std::string& ref);

// `name` is a well-formed full reference name. A remote given as a URL yields names such as
// "refs/remotes/https://..." that are not, and asking for them would be an error.
bool is_valid_reference_name(const std::string& name);

}  // namespace benchgate::git
