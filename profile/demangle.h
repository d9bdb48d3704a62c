#pragma once
// C++ symbol demangling, the one place every profile reader turns a raw Itanium-ABI symbol
// (`_ZN3foo3barEv`) into what a person reads (`foo::bar()`): perf script frames, folded stacks
// from other tools and pprof function names all go through it, so the same function gets the
// same frame name whichever file it came from, and base and head match in a diff.
#include <string>
#include <string_view>

namespace benchgate::profile {

// True for names that may be mangled C++ symbols (they start with "_Z"). Everything else is a
// name already and must be kept byte for byte.
inline bool looks_mangled(std::string_view name) {
  return name.starts_with("_Z");
}

// The demangled form of `symbol`, or `symbol` unchanged when it does not demangle. A FlameGraph
// annotation after the symbol (`_[k]`, `_[i]`, `_[j]`, `_[w]`) is kept and put back after the
// demangled name: stackcollapse-perf appends them to raw symbols too.
std::string demangle_symbol(std::string_view symbol);

}  // namespace benchgate::profile
