// Folded stacks (profile/folded_format.h): read, then written and read back to the same text.
// Only InputError may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.h"
#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FrameTrie trie;
  ProfileInfo info;
  try {
    LineReader lines(text, "fuzz");
    read_folded(lines, trie, kBase, info);
  } catch (const benchgate::InputError&) {
    return 0;
  }
  benchgate::fuzz::check_folded_round_trip(trie, info);
  return 0;
}
