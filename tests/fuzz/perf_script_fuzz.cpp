// `perf script` text folded into stacks (profile/perf_script_parser.h), as load_profile does for
// text input, then written as folded text and read back. Only InputError may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.h"
#include "profile/perf_script_parser.h"
#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FrameTrie trie;
  ProfileInfo info;
  try {
    LineReader lines(text, "fuzz");
    // The odd sizes also put the process name above the stacks.
    fold_perf_script(lines, trie, kBase, FoldOptions{.include_process_name = size % 2 == 1}, info);
  } catch (const benchgate::InputError&) {
    return 0;
  }
  benchgate::fuzz::check_folded_round_trip(trie, info);
  return 0;
}
