#include "core/benchmark_filter.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate {

std::regex benchmark_filter(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::extended);
  } catch (const std::regex_error& e) {
    throw InputError(
        fmt::format("--benchmark \"{}\": not a valid regular expression ({})", pattern, e.what()));
  }
}

}  // namespace benchgate
