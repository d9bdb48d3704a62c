#include "process/spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>

#include <cerrno>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/child_environment.h"
#include "process/cpu_affinity.h"

namespace benchgate::process {
namespace {

// RAII for the two posix_spawn configuration objects.
struct SpawnConfig {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnConfig() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnConfig() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};

}  // namespace

pid_t spawn_child(const ChildSpec& spec, int stdout_fd, int stderr_fd) {
  if (spec.argv.empty() || spec.argv[0].empty()) throw InputError("no command given");
  if (spec.working_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(*spec.working_dir, ec))
      throw InputError(
          fmt::format("working directory {} does not exist", spec.working_dir->string()));
  }
  SpawnConfig config;
  posix_spawn_file_actions_addopen(&config.actions, 0, "/dev/null", O_RDONLY, 0);
  if (stdout_fd >= 0)
    posix_spawn_file_actions_adddup2(&config.actions, stdout_fd, 1);
  else
    posix_spawn_file_actions_addopen(&config.actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&config.actions, stderr_fd, 2);
  if (spec.working_dir)
    posix_spawn_file_actions_addchdir_np(&config.actions, spec.working_dir->c_str());
  // Own process group: a terminal's Ctrl-C reaches only us, and a timeout can kill the child
  // together with anything it started. Signals we catch or ignore are reset to their defaults.
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  sigemptyset(&empty);
  posix_spawnattr_setflags(&config.attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&config.attr, 0);
  posix_spawnattr_setsigdefault(&config.attr, &defaults);
  posix_spawnattr_setsigmask(&config.attr, &empty);

  std::vector<char*> argv;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // Never benchgate's own environment as it is: the child is the code under review, and must not
  // see the CI's credentials (process/child_environment.h).
  std::vector<std::string> env_entries = child_environment(spec.keeps_credentials);
  std::vector<char*> envp;
  for (auto& entry : env_entries) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  int rc = 0;
  {
    // posix_spawn has no attribute for CPU affinity; the child inherits this thread's, so the
    // thread holds the requested CPUs just while the child is started. The child then never
    // runs a single instruction elsewhere, which moving it afterwards could not promise.
    ScopedThreadAffinity pinned(spec.cpus);
    rc = posix_spawnp(&pid, argv[0], &config.actions, &config.attr, argv.data(), envp.data());
  }
  if (rc == ENOENT) throw InputError(fmt::format("command not found: {}", spec.argv[0]));
  if (rc == EACCES || rc == ENOEXEC)
    throw InputError(fmt::format("cannot execute {}: {}", spec.argv[0], strerror(rc)));
  if (rc != 0)
    throw EnvironmentError(fmt::format("cannot start {}: {}", spec.argv[0], strerror(rc)));
  return pid;
}

}  // namespace benchgate::process
