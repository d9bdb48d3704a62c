#pragma once
// Writing one Unicode code point as UTF-8, for the readers that decode escapes (clean_text's
// replacement characters, XML's numeric character references).
#include <string>

namespace benchgate {

// Appends `cp` (at most U+10FFFF, not a surrogate) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

}  // namespace benchgate
