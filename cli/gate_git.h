#pragma once
// The few questions the gate asks the repository (through libgit2, like store/): which commit a
// revision is, what a local branch merges into, whether a commit has a parent, whether a remote
// is configured.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::cli {

// Full commit id of `revision`; InputError naming the revision when it does not resolve.
std::string resolve_revision(const std::filesystem::path& repo, const std::string& revision);

// The commit id of `revision` when it resolves, else nothing (no error).
std::optional<std::string> try_resolve_revision(const std::filesystem::path& repo,
                                                const std::string& revision);

// What a local change merges into: the current branch's upstream, else `<remote>/HEAD` (the
// remote's default branch as `git clone` records it). The ref name, or nothing.
std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote);

// The first parent of `commit`, or nothing for a root commit.
std::optional<std::string> first_parent(const std::filesystem::path& repo,
                                        const std::string& commit);

bool remote_exists(const std::filesystem::path& repo, const std::string& remote);

}  // namespace benchgate::cli
