#include "profile/gzip_codec.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::profile {
namespace {

constexpr int kGzipWindow = 15 + 16;  // 15-bit window, +16: gzip header and trailer, not zlib's
constexpr std::size_t kChunk = 256 * 1024;

// zlib counts in uInt: feed it at most this much input at a time.
uInt chunk_of(std::size_t remaining) {
  return static_cast<uInt>(std::min<std::size_t>(remaining, std::numeric_limits<uInt>::max()));
}

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindow, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw EnvironmentError("zlib: deflateInit2 failed");
  }
  std::string out;
  std::size_t consumed = 0;
  int status = Z_OK;
  do {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
    stream.avail_in = chunk_of(data.size() - consumed);
    const uInt offered = stream.avail_in;
    const bool last = consumed + offered == data.size();
    do {
      const std::size_t before = out.size();
      out.resize(before + kChunk);
      stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
      stream.avail_out = static_cast<uInt>(kChunk);
      status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      out.resize(before + kChunk - stream.avail_out);
    } while (stream.avail_out == 0);
    consumed += offered - stream.avail_in;
  } while (status != Z_STREAM_END);
  deflateEnd(&stream);
  return out;
}

std::string gzip_decompress(std::string_view data, const std::string& source,
                            std::size_t max_size) {
  std::string out;
  std::size_t consumed = 0;
  // One pass per gzip member; a file may hold several back to back.
  while (consumed < data.size()) {
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindow) != Z_OK) {
      throw EnvironmentError("zlib: inflateInit2 failed");
    }
    int status = Z_OK;
    while (status != Z_STREAM_END) {
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
      stream.avail_in = chunk_of(data.size() - consumed);
      const uInt offered = stream.avail_in;
      const std::size_t before = out.size();
      out.resize(before + kChunk);
      stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
      stream.avail_out = static_cast<uInt>(kChunk);
      status = inflate(&stream, Z_NO_FLUSH);
      out.resize(before + kChunk - stream.avail_out);
      consumed += offered - stream.avail_in;
      // Z_OK with all input used and room left in the output: the member needs more input
      // than the file has. Z_BUF_ERROR: no progress possible, which also means truncation.
      const bool truncated = status == Z_BUF_ERROR ||
                             (status == Z_OK && consumed == data.size() && stream.avail_out != 0);
      if (truncated || (status != Z_OK && status != Z_STREAM_END)) {
        const std::string why =
            truncated || stream.msg == nullptr ? "the stream ends early" : std::string(stream.msg);
        inflateEnd(&stream);
        throw InputError(fmt::format("{}: corrupt or truncated gzip data ({})", source, why));
      }
      if (out.size() > max_size) {
        inflateEnd(&stream);
        throw InputError(fmt::format("{}: decompresses to more than {}; refusing", source,
                                     max_size >= (1 << 20) ? fmt::format("{} MiB", max_size >> 20)
                                                           : fmt::format("{} bytes", max_size)));
      }
    }
    inflateEnd(&stream);
    // Trailing zero padding after the last member (some tools write it) is not another member.
    if (std::all_of(data.begin() + static_cast<std::ptrdiff_t>(consumed), data.end(),
                    [](char c) { return c == '\0'; })) {
      break;
    }
  }
  return out;
}

}  // namespace benchgate::profile
