#include "reporters/markdown_escape.h"

#include "core/text.h"
#include "reporters/clean_text.h"

namespace benchgate::report {
namespace {

// U+200D ZERO WIDTH JOINER: after '@' or '#' it stops mention and issue-reference autolinks while
// the rendered name still reads the same.
constexpr std::string_view kZeroWidthJoiner = "\u200D";

std::string escape(std::string_view untrusted, bool markdown_escapes) {
  const std::string clean = clean_text(untrusted);
  std::string out;
  out.reserve(clean.size() + 16);
  // clean_text returns valid UTF-8, whose multi-byte sequences never contain ASCII bytes, so a
  // byte-wise pass sees every special character and splits no code point.
  for (char c : clean) {
    if (append_markup_entity(out, c)) continue;  // HTML: no tags, no comments
    switch (c) {
      case '|':  // a table cell separator unless escaped (GFM tables)
      case '\\':
      case '`':
      case '*':
      case '_':
      case '~':
      case '[':
      case ']':
        if (markdown_escapes) out += '\\';
        out += c;
        break;
      case '@':
      case '#':
        out += c;
        out += kZeroWidthJoiner;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_markdown(std::string_view untrusted) {
  return escape(untrusted, true);
}

std::string escape_markdown_html(std::string_view untrusted) {
  return escape(untrusted, false);
}

}  // namespace benchgate::report
