// speedscope JSON (profile/speedscope_format.h) read from a file as load_profile does, then
// written back as speedscope and as folded text. Only InputError may escape.
#include <cstddef>
#include <cstdint>

#include "core/errors.h"
#include "profile/speedscope_format.h"
#include "tests/fuzz/fuzz_file.h"
#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  const auto path = benchgate::fuzz::write_input("profile.speedscope.json", data, size);
  FrameTrie trie;
  ProfileInfo info;
  try {
    read_speedscope(path, trie, kBase, info);
  } catch (const benchgate::InputError&) {
    return 0;
  }
  (void)write_speedscope(trie, {SpeedscopeSide{kBase, "base", info.unit}}, "fuzz");
  benchgate::fuzz::check_folded_round_trip(trie, info);
  return 0;
}
