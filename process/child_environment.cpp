#include "process/child_environment.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string_view>

#include "core/credentials.h"

extern char** environ;

namespace benchgate::process {
namespace {

struct PolicyHolder {
  std::mutex mutex;
  ChildEnvironmentPolicy policy;
};

PolicyHolder& holder() {
  static PolicyHolder h;
  return h;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

void set_child_environment_policy(ChildEnvironmentPolicy policy) {
  std::lock_guard lock(holder().mutex);
  holder().policy = std::move(policy);
}

std::vector<std::string> child_environment(bool keeps_credentials) {
  ChildEnvironmentPolicy policy;
  {
    std::lock_guard lock(holder().mutex);
    policy = holder().policy;
  }
  auto passes = [&](std::string_view name) {
    if (listed(policy.remove, name)) return false;
    return listed(policy.passthrough, name) || !is_credential_name(name);
  };
  std::vector<std::string> entries;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq && passes(std::string_view(*e, static_cast<std::size_t>(eq - *e))))
      entries.emplace_back(*e);
  }
  for (const auto& [name, value] : withdrawn_variables())
    if ((keeps_credentials || listed(policy.passthrough, name)) && !listed(policy.remove, name))
      entries.push_back(name + "=" + value);
  return entries;
}

}  // namespace benchgate::process
