#pragma once
// What the profile targets share: a side written as folded text reads back to the same folded text
// (folded_format.h's write/read are each other's inverse on what benchgate writes), and the frame
// of a target for a text format.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "profile/folded_format.h"
#include "profile/frame_trie.h"
#include "profile/line_reader.h"
#include "profile/profile_info.h"

namespace benchgate::fuzz {

inline void check_folded_round_trip(const profile::FrameTrie& trie,
                                    const profile::ProfileInfo& info) {
  const std::string written = profile::write_folded(trie, profile::kBase, info);
  profile::FrameTrie again;
  profile::ProfileInfo again_info;
  profile::LineReader lines(written, "written");
  profile::read_folded(lines, again, profile::kBase, again_info);
  if (again.total(profile::kBase) != trie.total(profile::kBase) ||
      profile::write_folded(again, profile::kBase, again_info) != written) {
    std::fprintf(stderr, "folded text does not read back to itself:\n%s\n", written.c_str());
    std::abort();
  }
}

// A text profile format's target: `fold(lines, trie, info)` reads the fuzz input into side kBase;
// an InputError refuses it, anything else must read back through folded text.
template <typename Fold>
int fuzz_text_profile(const std::uint8_t* data, std::size_t size, Fold&& fold) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  profile::FrameTrie trie;
  profile::ProfileInfo info;
  try {
    profile::LineReader lines(text, "fuzz");
    fold(lines, trie, info);
  } catch (const InputError&) {
    return 0;
  }
  check_folded_round_trip(trie, info);
  return 0;
}

}  // namespace benchgate::fuzz
