#include "tests/prepush/git_fixture.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace benchgate::testing {
namespace {

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

GitFixture::GitFixture()
    : dir_("benchgate-prepush"),
      home_(dir_ / "home"),
      work_(dir_ / "work"),
      remote_(dir_ / "remote.git") {
  std::filesystem::create_directories(home_);
  git_ok({"init", "-q", "--bare", "-b", "main", remote_.string()});
  git_ok({"init", "-q", "-b", "main", work_.string()});
  git_ok({"remote", "add", "origin", remote_.string()});
}

std::map<std::string, std::string> GitFixture::env() const {
  return {{"HOME", home_.string()},           {"GIT_CONFIG_NOSYSTEM", "1"},
          {"GIT_AUTHOR_NAME", "Pre Push"},    {"GIT_AUTHOR_EMAIL", "pre-push@example.com"},
          {"GIT_COMMITTER_NAME", "Pre Push"}, {"GIT_COMMITTER_EMAIL", "pre-push@example.com"},
          {"GIT_TERMINAL_PROMPT", "0"}};
}

ProcessResult GitFixture::git(const std::vector<std::string>& args,
                              const std::map<std::string, std::string>& extra_env) const {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions options;
  options.cwd = std::filesystem::exists(work_) ? work_ : dir_.path();
  options.env = env();
  for (const auto& [k, v] : extra_env) options.env[k] = v;
  // A CI runner's variables must not make the gate believe it runs in CI.
  options.unset_env = {"GITHUB_ACTIONS", "GITLAB_CI", "BENCHGATE_SKIP", "GIT_DIR", "GIT_WORK_TREE"};
  options.timeout_seconds = 300;
  return run_process(argv, options);
}

std::string GitFixture::git_ok(const std::vector<std::string>& args) const {
  ProcessResult r = git(args);
  EXPECT_EQ(r.exit_code, 0) << "git " << fmt::format("{}", fmt::join(args, " ")) << "\n"
                            << r.out << r.err;
  return r.exit_code == 0 ? trim(r.out) : "";
}

ProcessResult GitFixture::benchgate(const std::vector<std::string>& args,
                                    const std::string& stdin_text) const {
  ProcessOptions options;
  options.cwd = work_;
  options.env = env();
  options.unset_env = {"GITHUB_ACTIONS", "GITLAB_CI", "BENCHGATE_SKIP"};
  options.stdin_text = stdin_text;
  options.timeout_seconds = 300;
  return run_benchgate(args, options);
}

std::string GitFixture::commit_file(const std::string& file, const std::string& content,
                                    const std::string& message) {
  write_file(work_ / file, content);
  git_ok({"add", file});
  git_ok({"commit", "-q", "-m", message});
  return git_ok({"rev-parse", "HEAD"});
}

std::string GitFixture::remote_sha(const std::string& ref) const {
  ProcessResult r = git({"--git-dir", remote_.string(), "rev-parse", "--verify", "-q", ref});
  return r.exit_code == 0 ? trim(r.out) : "";
}

std::string sleep_suite_config(const std::string& seconds, int runs) {
  // A generous threshold: only the deliberate 15x slow-down of the tests may count, never the
  // noise of a shared 2-core machine. One recorded job of the remote is trusted as it is: the
  // hook's plumbing is under test here, not the spread between jobs.
  return fmt::format(
      "testbed = \"prepush-test\"\n"
      "[gate]\n"
      "threshold = 0.5\n"
      "trust_single_job = true\n"
      "[[suite]]\n"
      "name = \"work\"\n"
      "command = [\"sleep\", \"{}\"]\n"
      "format = \"command\"\n"
      "runs = {}\n"
      "warmup = 0\n",
      seconds, runs);
}

}  // namespace benchgate::testing
