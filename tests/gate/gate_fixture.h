#pragma once
// What the end-to-end gate tests share: a real git repository with a real bare remote (set up with
// the git CLI), Google Benchmark result files to feed `--results`, CI event payloads, and the
// environment that points a `benchgate gate` child process at a fake forge.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

// Runs git with `args` in `dir`; throws std::runtime_error (with git's stderr) on failure.
// Returns stdout without the trailing newline.
std::string git(const std::filesystem::path& dir, const std::vector<std::string>& args);

// root/remote.git: a bare repository; root/work: a clone of it with `main` tracking origin/main.
class GitFixture {
 public:
  explicit GitFixture(const std::filesystem::path& root);
  const std::filesystem::path& work() const { return work_; }
  const std::filesystem::path& remote() const { return remote_; }
  // An empty commit on the current branch of `repo` (default: work); returns its id.
  std::string commit(const std::string& message, const std::filesystem::path& repo = {});
  // A fresh clone of the remote at root/<name> (has origin/HEAD, like CI checkouts).
  std::filesystem::path clone(const std::string& name);
  // The note text benchgate stored for `commit` in the bare remote, or "" when there is none.
  std::string remote_note(const std::string& commit) const;

 private:
  std::filesystem::path root_, remote_, work_;
};

// Google Benchmark JSON files for `--results DIR`: `processes` files, each with 3 repetitions of
// BM_Steady (about 1000 ns) and BM_Work (about `work_ns`), spread by ±1% between processes.
std::filesystem::path write_results(const std::filesystem::path& dir, double work_ns,
                                    int processes = 5);

nlohmann::json pull_request_payload(long long number, const std::string& head_sha,
                                    const std::string& base_sha, const std::string& head_repo,
                                    const std::string& base_repo);
nlohmann::json push_payload(const std::string& ref, const std::string& before,
                            const std::string& after, const std::string& default_branch);

// Environment variables a CI job may have set in the test's own environment; every gate child
// starts without them so that only what a test sets counts.
std::vector<std::string> ci_variables();

// Process options for a GitHub Actions job at `api_base` with event `event_name` whose payload is
// written to `event_file`. The token goes in GITHUB_TOKEN when not empty.
ProcessOptions github_job(const std::string& api_base, const std::string& repository,
                          const std::string& event_name, const nlohmann::json& payload,
                          const std::filesystem::path& event_file, const std::string& token,
                          const std::filesystem::path& cwd);

// Every file below `dir`, concatenated (to look for strings that must never be written).
std::string all_file_contents(const std::filesystem::path& dir);

}  // namespace benchgate::testing
