#pragma once
// Properties shared by the profile targets: a side written as folded text reads back to the same
// folded text (folded_format.h's write/read are each other's inverse on what benchgate writes).
#include <cstdio>
#include <cstdlib>
#include <string>

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

}  // namespace benchgate::fuzz
