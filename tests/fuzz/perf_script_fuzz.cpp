// `perf script` text folded into stacks (profile/perf_script_parser.h), as load_profile does for
// text input, then written as folded text and read back. Only InputError may escape.
#include <cstddef>
#include <cstdint>

#include "profile/perf_script_parser.h"
#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  // Odd sizes also put the process name above the stacks.
  const FoldOptions options{.include_process_name = size % 2 == 1};
  return benchgate::fuzz::fuzz_text_profile(
      data, size, [&](LineReader& lines, FrameTrie& trie, ProfileInfo& info) {
        fold_perf_script(lines, trie, kBase, options, info);
      });
}
