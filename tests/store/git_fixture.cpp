#include "tests/store/git_fixture.h"

#include <stdexcept>

#include "core/run_record_json.h"

namespace benchgate::testing {
namespace {

int commit_counter = 0;

ProcessOptions git_env() {
  ProcessOptions options;
  options.env = {{"GIT_AUTHOR_NAME", "Test"},    {"GIT_AUTHOR_EMAIL", "test@example.com"},
                 {"GIT_COMMITTER_NAME", "Test"}, {"GIT_COMMITTER_EMAIL", "test@example.com"},
                 {"GIT_CONFIG_NOSYSTEM", "1"},   {"GIT_TERMINAL_PROMPT", "0"}};
  return options;
}

}  // namespace

ProcessOptions in_dir(const std::filesystem::path& cwd, std::map<std::string, std::string> env,
                      int timeout_seconds) {
  ProcessOptions options;
  options.cwd = cwd;
  options.env = std::move(env);
  options.timeout_seconds = timeout_seconds;
  return options;
}

ProcessResult try_git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions options = git_env();
  std::string date = std::to_string(1700000000 + 60 * ++commit_counter) + " +0000";
  options.env["GIT_AUTHOR_DATE"] = date;
  options.env["GIT_COMMITTER_DATE"] = date;
  return run_process(argv, options);
}

std::string git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  ProcessResult r = try_git(dir, args);
  if (r.exit_code != 0) {
    std::string line;
    for (const auto& a : args) line += " " + a;
    throw std::runtime_error("git" + line + " failed: " + r.err);
  }
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

void init_repo(const std::filesystem::path& dir, bool bare) {
  std::filesystem::create_directories(dir);
  if (bare)
    git(dir, {"init", "-q", "--bare", "-b", "main"});
  else
    git(dir, {"init", "-q", "-b", "main"});
  git(dir, {"config", "user.name", "Test"});
  git(dir, {"config", "user.email", "test@example.com"});
}

std::string commit(const std::filesystem::path& repo, const std::string& message) {
  git(repo, {"commit", "-q", "--allow-empty", "-m", message});
  return rev_parse(repo, "HEAD");
}

std::string rev_parse(const std::filesystem::path& repo, const std::string& rev) {
  return git(repo, {"rev-parse", rev});
}

RunRecord make_record(const std::string& testbed, const std::string& tag, double value) {
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = testbed;
  r.created_at = "2024-01-01T00:00:00Z";
  r.processes = {{0, "run-" + tag, "ok", "", {}}};
  BenchmarkResult b;
  b.name = "BM_Store/" + tag;
  b.process = {0};
  b.repetition = {0};
  b.iterations = {100};
  b.metrics["real_time"] = {value};
  r.benchmarks.push_back(b);
  return r;
}

std::filesystem::path write_record(const std::filesystem::path& path, const RunRecord& record) {
  write_run_record_file(record, path);
  return path;
}

}  // namespace benchgate::testing

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace benchgate::testing {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv,
                                     const std::vector<std::pair<std::string, std::string>>& env) {
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    setpgid(0, 0);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  setpgid(pid_, pid_);
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) kill_now();
}

void BackgroundProcess::kill_now() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  wait();
}

int BackgroundProcess::wait() {
  int status = 0;
  if (pid_ <= 0) return -1;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

GitDaemon::GitDaemon(const std::filesystem::path& base) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    port_ = 20000 + static_cast<int>((getpid() * 7 + attempt * 997) % 30000);
    process_ = std::make_unique<BackgroundProcess>(std::vector<std::string>{
        "git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
        "--listen=127.0.0.1", "--port=" + std::to_string(port_), "--base-path=" + base.string(),
        base.string()});
    for (int wait = 0; wait < 50; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (run_process({"git", "ls-remote", "git://127.0.0.1:" + std::to_string(port_) + "/probe"},
                      in_dir(std::filesystem::current_path(), {}, 5))
              .err.find("Connection refused") == std::string::npos)
        return;  // the daemon answers (the probe repository need not exist)
    }
    process_.reset();
  }
  throw std::runtime_error("git daemon did not start");
}

std::string GitDaemon::url(const std::string& repo) const {
  return "git://127.0.0.1:" + std::to_string(port_) + "/" + repo;
}

}  // namespace benchgate::testing
