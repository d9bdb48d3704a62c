#pragma once
// Cutting text to a forge's size limit without breaking a UTF-8 character, and saying so.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace benchgate::forge {

// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a UTF-8
// multi-byte sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// `text` unchanged when it fits in `max_bytes`. Otherwise a prefix cut on a UTF-8 boundary
// (preferring a line end close to the limit, closing an open ``` fence) followed by
// `notice(omitted_bytes)`, the whole at most `max_bytes` bytes.
std::string fit_with_notice(std::string_view text, std::size_t max_bytes,
                            const std::function<std::string(std::size_t omitted_bytes)>& notice);

}  // namespace benchgate::forge
