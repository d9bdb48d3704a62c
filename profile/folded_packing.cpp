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
                          const std::string& what) {
  if (encoding == kFolded) return data;
  if (encoding != kFoldedGzip)
    throw InputError(
        fmt::format("{} is packed as \"{}\", which this benchgate does not read", what, encoding));
  return gzip_decompress(data, what);
}

}  // namespace benchgate::profile
