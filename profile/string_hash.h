#pragma once
// A hash for std::unordered_map<std::string, ...> that also accepts std::string_view keys, so
// the parsers' caches look up a view into the input without building a std::string per line.
// Use with std::equal_to<> as the key-equality.
#include <cstddef>
#include <functional>
#include <string_view>

namespace benchgate::profile {

struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace benchgate::profile
