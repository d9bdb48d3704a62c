#pragma once
// A work repository with a bare remote ("origin") in a temp dir, driven by the real git binary
// with an isolated configuration (HOME, no system config), for the pre-push tests.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

class GitFixture {
 public:
  GitFixture();

  const std::filesystem::path& work() const { return work_; }
  const std::filesystem::path& remote() const { return remote_; }

  // The environment every git and benchgate call of the test gets (isolated HOME, identity).
  std::map<std::string, std::string> env() const;

  // Runs git in `cwd` (default: the work tree); the result is returned, not checked.
  ProcessResult git(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& extra_env = {}) const;
  // Runs git and fails the test (returns "") when it does not exit 0; returns trimmed stdout.
  std::string git_ok(const std::vector<std::string>& args) const;
  // Runs benchgate in the work tree with the fixture's environment.
  ProcessResult benchgate(const std::vector<std::string>& args,
                          const std::string& stdin_text = "") const;

  // Writes `content` to `file` in the work tree, commits it, returns the new commit's sha.
  std::string commit_file(const std::string& file, const std::string& content,
                          const std::string& message);
  // The sha `ref` has in the remote, or "" when it does not exist there.
  std::string remote_sha(const std::string& ref) const;

 private:
  TempDir dir_;
  std::filesystem::path home_, work_, remote_;
};

// A benchgate.toml with one command-mode suite named "work" that runs `sleep <seconds>`.
std::string sleep_suite_config(const std::string& seconds, int runs = 6);

}  // namespace benchgate::testing
