#include "forge/environment.h"

#include "core/credentials.h"

namespace benchgate::forge {

Environment process_environment() {
  // Credentials were taken out of the environment at startup; this finds them too.
  return [](std::string_view name) { return environment_value(name); };
}

Environment map_environment(std::map<std::string, std::string, std::less<>> variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

std::optional<std::string> non_empty(const Environment& env, std::string_view name) {
  auto value = env(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

}  // namespace benchgate::forge
