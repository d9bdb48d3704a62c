// benchgate.toml (runner/config.cpp): parse_config, as load_config calls it on the file's text.
// Only InputError may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.h"
#include "runner/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const benchgate::runner::Config config =
        benchgate::runner::parse_config(text, "benchgate.toml", "/nonexistent/fuzz");
    (void)config.select({});
  } catch (const benchgate::InputError&) {
  }
  return 0;
}
