#pragma once
// Base64 (RFC 4648, standard alphabet, '=' padding): binary data (compressed profiles) inside
// JSON Lines entries, which must stay text.
#include <optional>
#include <string>
#include <string_view>

namespace benchgate::store {

std::string base64_encode(std::string_view bytes);
// Nothing when `text` is not padded base64 (wrong length, a foreign character,
// padding in the middle).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace benchgate::store
