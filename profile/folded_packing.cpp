#include "profile/folded_packing.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "profile/gzip_codec.h"

namespace benchgate::profile {

PackedFolded pack_folded(const std::string& folded) {
  std::string packed = gzip_compress(folded);
  if (packed.size() < folded.size()) return {std::string(kFoldedGzip), std::move(packed)};
  return {std::string(kFolded), folded};
}

std::string unpack_folded(std::string_view encoding, const std::string& data,
                          const std::string& what, std::optional<std::uint64_t> size) {
  if (size && *size > kMaxStoredFoldedBytes)
    throw InputError(fmt::format("{}: stored size {} is more than the {} MiB a profile may have",
                                 what, *size, kMaxStoredFoldedBytes >> 20));
  if (encoding != kFolded && encoding != kFoldedGzip)
    throw InputError(
        fmt::format("{} is packed as \"{}\", which this benchgate does not read", what, encoding));
  std::string folded = encoding == kFolded
                           ? data
                           : gzip_decompress(data, what, size.value_or(kMaxStoredFoldedBytes));
  if (size && folded.size() != *size)
    throw InputError(fmt::format("{}: unpacks to {} bytes, but its stored size is {}", what,
                                 folded.size(), *size));
  return folded;
}

}  // namespace benchgate::profile
