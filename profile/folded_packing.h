#pragma once
// How stored profiles are packed: folded text, gzip-compressed, or as it is when that is smaller
// (a profile of a few stacks is smaller than gzip's header and trailer). The encoding is stored
// with the data (store/profile_store.h), so a reader knows how to unpack it.
#include <string>
#include <string_view>

namespace benchgate::profile {

inline constexpr std::string_view kFoldedGzip = "folded+gzip";
inline constexpr std::string_view kFolded = "folded";

struct PackedFolded {
  std::string encoding;  // kFoldedGzip or kFolded
  std::string data;
};

PackedFolded pack_folded(const std::string& folded);

// The folded text back. InputError naming `what` for an encoding this version does not read or
// for corrupt data.
std::string unpack_folded(std::string_view encoding, const std::string& data,
                          const std::string& what);

}  // namespace benchgate::profile
