// gzip (profile/gzip_codec.h) and base64 (store/base64.h): decoding arbitrary bytes only refuses
// (InputError, nullopt), and encoding then decoding gives the input back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "profile/gzip_codec.h"
#include "store/base64.h"

namespace {

// Small, so a bomb-like input hits the limit instead of the fuzzer's memory limit.
constexpr std::size_t kMaxDecompressed = std::size_t{1} << 20;

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "codec_fuzz: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const std::string plain = profile::gzip_decompress(bytes, "fuzz", kMaxDecompressed);
    check(plain.size() <= kMaxDecompressed, "gzip_decompress exceeds its limit");
  } catch (const InputError&) {
  }
  check(profile::gzip_decompress(profile::gzip_compress(bytes), "round trip") == bytes,
        "gzip round trip");

  (void)store::base64_decode(bytes);
  const std::optional<std::string> decoded = store::base64_decode(store::base64_encode(bytes));
  check(decoded && *decoded == bytes, "base64 round trip");
  return 0;
}
