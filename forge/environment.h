#pragma once
// Reading environment variables through a function, so CI detection and token lookup are tested
// with a plain map instead of mutating the test process's environment.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace benchgate::forge {

// The variable's value, or nullopt when it is unset.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;

Environment process_environment();
Environment map_environment(std::map<std::string, std::string, std::less<>> variables);

// The value when set and non-empty (CI systems export unset secrets as "").
std::optional<std::string> non_empty(const Environment& env, std::string_view name);

}  // namespace benchgate::forge
