#pragma once
// What the local branch is tracking, and which remotes are configured: the questions the gate asks
// before it chooses a target or shares baselines.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::git {

// What a local change merges into: the current branch's upstream, else `<remote>/HEAD` (the
// remote's default branch as `git clone` records it). The full ref name, or nothing.
std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote);

// A remote named `remote` is configured in the repository containing `repo`.
bool remote_exists(const std::filesystem::path& repo, const std::string& remote);

}  // namespace benchgate::git
