#pragma once
// speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json), read and
// written. Reading accepts `sampled` and `evented` profiles; every profile in the file is added
// to the same side (a file per thread would otherwise need a choice the user cannot make here).
// Time-valued weights are converted to integer nanoseconds (unit "nanoseconds"); unit "none"
// weights are sample counts.
#include <filesystem>
#include <string>
#include <vector>

#include "profile/frame_trie.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

void read_speedscope(const std::filesystem::path& path, FrameTrie& trie, Side side,
                     ProfileInfo& info);

struct SpeedscopeSide {
  Side side;
  std::string name;  // shown in speedscope's profile selector, e.g. "base: cpu-clock"
  std::string unit;  // ProfileInfo::unit
};
// One speedscope file with one `sampled` profile per requested side, sharing one frame table.
std::string write_speedscope(const FrameTrie& trie, const std::vector<SpeedscopeSide>& sides,
                             const std::string& name);

}  // namespace benchgate::profile
