#include "core/clean_text.h"

#include "core/utf8.h"

namespace benchgate {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Decodes the code point starting at text[i]; returns its length in bytes, or 0 when the bytes
// there are not valid UTF-8 (bad lead byte, truncated, overlong, surrogate, beyond U+10FFFF).
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(byte)) return 0;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < min || surrogate || code_point > 0x10FFFF) return 0;
  return length;
}

bool is_dropped(char32_t cp) {
  const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
  // Bidi embeddings, overrides and isolates (and the implicit marks) can make a name display as
  // something other than what it is ("Trojan Source"); they carry no meaning in a benchmark name.
  const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  const bool xml_non_character = cp == 0xFFFE || cp == 0xFFFF;
  return control || bidi || xml_non_character;
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t length = decode(text, i, cp);
    if (length == 0) {
      cp = kReplacement;
      length = 1;  // resynchronise on the next byte
    }
    i += length;
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    } else if (!is_dropped(cp)) {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::size_t display_width(std::string_view clean) {
  std::size_t width = 0;
  for (char c : clean) width += !is_continuation(static_cast<unsigned char>(c));
  return width;
}

}  // namespace benchgate
