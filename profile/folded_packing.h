#pragma once
// How stored profiles are packed: folded text, gzip-compressed, or as it is when that is smaller
// (a profile of a few stacks is smaller than gzip's header and trailer). The encoding is stored
// with the data (store/profile_store.h), so a reader knows how to unpack it.
#include <cstdint>
#include <optional>
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

// The largest folded text a stored profile may unpack to. A profile of one benchmark folds to
// kilobytes or a few megabytes; its stored `size` above this is refused without unpacking.
inline constexpr std::uint64_t kMaxStoredFoldedBytes = std::uint64_t{256} << 20;

// The folded text back. InputError naming `what` for an encoding this version does not read, for
// corrupt data, and when `size` (the stored unpacked size) is given and the data does not unpack
// to exactly that many bytes: the gzip stream is never inflated beyond `size`, and `size` itself
// may not exceed kMaxStoredFoldedBytes. Without `size`, kMaxStoredFoldedBytes bounds it.
std::string unpack_folded(std::string_view encoding, const std::string& data,
                          const std::string& what, std::optional<std::uint64_t> size = {});

}  // namespace benchgate::profile
