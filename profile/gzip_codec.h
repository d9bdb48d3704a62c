#pragma once
// gzip (RFC 1952) in memory, via zlib: pprof files are gzip-compressed protobuf on disk, and
// folded stacks are often stored as .gz.
#include <cstddef>
#include <string>
#include <string_view>

namespace benchgate::profile {

inline bool is_gzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

std::string gzip_compress(std::string_view data);

// The decompressed bytes of every gzip member in `data` (concatenated members are one stream,
// as gzip -d treats them). Throws InputError naming `source` when the stream is corrupt,
// truncated, or would decompress to more than `max_size` bytes (a decompression bomb: gzip
// expands up to ~1000x). Every caller passes the limit of its own input (docs/profiles.md#limits);
// the default is the largest of them. At most one chunk (256 KiB) past the limit is allocated.
inline constexpr std::size_t kMaxGzipBytes = std::size_t{2} << 30;
std::string gzip_decompress(std::string_view data, const std::string& source,
                            std::size_t max_size = kMaxGzipBytes);

}  // namespace benchgate::profile
