#pragma once
// The environment every child gets (docs/configuration.md#credentials-in-the-environment):
// benchgate's own, without credentials. Variables named like a credential were already taken out
// of benchgate's environment at startup (core/credentials.h); `[run] env_remove` drops more names
// and `[run] env_passthrough` hands named ones back, credentials included. spawn_child builds
// every child's environment here, so no path (suite, build command, perf, hook) can differ.
#include <string>
#include <vector>

namespace benchgate::process {

// `[run] env_passthrough` and `[run] env_remove` of benchgate.toml, resolved once.
struct ChildEnvironmentPolicy {
  std::vector<std::string> passthrough;  // kept (or given back) even when named like a credential
  std::vector<std::string> remove;       // never passed, even when passthrough names them too
};

// Sets the policy for every child started from now on (the default: both lists empty).
void set_child_environment_policy(ChildEnvironmentPolicy policy);

// "NAME=VALUE" entries for a child: the current environment without variables named like a
// credential or in `remove`, plus the withdrawn credentials named in `passthrough` (all of them
// with `keeps_credentials`: the child is benchgate itself).
std::vector<std::string> child_environment(bool keeps_credentials = false);

}  // namespace benchgate::process
