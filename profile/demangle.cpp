#include "profile/demangle.h"

#include <cxxabi.h>

#include <array>
#include <cstdlib>
#include <memory>

namespace benchgate::profile {
namespace {

// abi::__cxa_demangle, or the input when it is not a valid mangled name.
std::string demangle_whole(const std::string& mangled) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> plain(
      abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status), &std::free);
  return status == 0 && plain ? std::string(plain.get()) : mangled;
}

}  // namespace

std::string demangle_symbol(std::string_view symbol) {
  static constexpr std::array<std::string_view, 4> kAnnotations = {"_[k]", "_[i]", "_[j]", "_[w]"};
  for (const auto annotation : kAnnotations) {
    if (symbol.size() > annotation.size() && symbol.ends_with(annotation)) {
      const std::string bare(symbol.substr(0, symbol.size() - annotation.size()));
      const std::string plain = demangle_whole(bare);
      // Not mangled after all: keep the original bytes (the annotation was part of the name).
      return plain == bare ? std::string(symbol) : plain + std::string(annotation);
    }
  }
  return demangle_whole(std::string(symbol));
}

}  // namespace benchgate::profile
