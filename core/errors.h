#pragma once
// The exit-code contract (docs/usage.md#exit-codes) and the two error kinds that map onto it.
// Modules throw these; only cli/ turns them into an exit code, so a library never calls exit().
#include <stdexcept>
#include <string>

namespace benchgate {

enum ExitCode : int {
  kExitPass = 0,          // no regression (or the gate is configured not to fail)
  kExitRegression = 1,    // the gate failed: at least one confirmed regression
  kExitInputError = 2,    // bad usage, bad or unreadable input file, invalid config
  kExitInternalError = 3  // environment or internal failure (git, network, a bug)
};

// Something the user gave us is wrong: a file, a field, a flag. The message names which.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The environment failed us: a child process, git, the network, the file system.
class EnvironmentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace benchgate
