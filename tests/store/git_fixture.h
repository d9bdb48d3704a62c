#pragma once
// Real git repositories for store tests, set up with the git CLI (the program itself never shells
// out to git; tests may). Commits get fixed, increasing dates so ordering is deterministic.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "tests/support/process.h"

namespace benchgate::testing {

// Process options without designated initialisers (-Wextra warns about the members left out).
ProcessOptions in_dir(const std::filesystem::path& cwd, std::map<std::string, std::string> env = {},
                      int timeout_seconds = 120);

// Runs `git -C dir args...`; throws std::runtime_error with git's stderr when it fails.
std::string git(const std::filesystem::path& dir, const std::vector<std::string>& args);
// Same, returning the result instead of throwing.
ProcessResult try_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

void init_repo(const std::filesystem::path& dir, bool bare = false);
// An empty commit on the current branch; returns its full id.
std::string commit(const std::filesystem::path& repo, const std::string& message);
std::string rev_parse(const std::filesystem::path& repo, const std::string& rev);

// A small valid run record of `testbed` whose content is unique for (testbed, tag).
RunRecord make_record(const std::string& testbed, const std::string& tag, double value = 10.0);
// Writes make_record(...) as a run-record file and returns its path.
std::filesystem::path write_record(const std::filesystem::path& path, const RunRecord& record);

}  // namespace benchgate::testing

namespace benchgate::testing {

// A child process running in the background (git daemon, a writer to be killed).
class BackgroundProcess {
 public:
  explicit BackgroundProcess(const std::vector<std::string>& argv,
                             const std::vector<std::pair<std::string, std::string>>& env = {});
  ~BackgroundProcess();  // SIGKILLs the process group if still running
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  void kill_now();  // SIGKILL and reap
  int wait();       // exit code, or 128 + signal

 private:
  int pid_ = -1;
};

// `git daemon` serving `base` on 127.0.0.1 with push enabled; url("x.git") is its git:// URL.
class GitDaemon {
 public:
  explicit GitDaemon(const std::filesystem::path& base);
  std::string url(const std::string& repo) const;

 private:
  int port_;
  std::unique_ptr<BackgroundProcess> process_;
};

}  // namespace benchgate::testing
