// Folded stacks (profile/folded_format.h): read, then written and read back to the same text.
// Only InputError may escape.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  return benchgate::fuzz::fuzz_text_profile(
      data, size, [](LineReader& lines, FrameTrie& trie, ProfileInfo& info) {
        read_folded(lines, trie, kBase, info);
      });
}
