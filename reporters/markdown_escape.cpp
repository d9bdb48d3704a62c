#include "reporters/markdown_escape.h"

#include "core/clean_text.h"
#include "core/text.h"

namespace benchgate::report {
namespace {

// U+200D ZERO WIDTH JOINER: after '@' or '#' it stops mention and issue-reference autolinks, and
// inside "www." or after the ':' of "://" URL autolinks, while the rendered name reads the same.
constexpr std::string_view kZeroWidthJoiner = "\u200D";

// Whether `clean[i]` is the '.' of "www." or the ':' of "://": where GFM's extended autolinks
// start (a name like "www.evil.example" or "https://evil.example" would become a link).
bool starts_autolink(std::string_view clean, std::size_t i) {
  if (clean[i] == ':') return clean.substr(i + 1, 2) == "//";
  if (clean[i] != '.' || i < 3) return false;
  for (std::size_t k = i - 3; k < i; ++k)
    if (clean[k] != 'w' && clean[k] != 'W') return false;
  return true;
}

std::string escape(std::string_view untrusted, bool markdown_escapes) {
  const std::string clean = clean_text(untrusted);
  std::string out;
  out.reserve(clean.size() + 16);
  // clean_text returns valid UTF-8, whose multi-byte sequences never contain ASCII bytes, so a
  // byte-wise pass sees every special character and splits no code point.
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
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
      case '$':  // GitHub renders $…$ as math
        // In raw HTML a backslash would show: a numeric character reference instead, which is
        // also inert should the text ever be rendered as Markdown.
        if (markdown_escapes)
          out.append({'\\', c});
        else
          out += "&#" + std::to_string(static_cast<int>(c)) + ";";
        break;
      case '@':
      case '#':
        out += c;
        out += kZeroWidthJoiner;
        break;
      case ':':
      case '.':
        if (c == '.' && starts_autolink(clean, i)) out += kZeroWidthJoiner;
        out += c;
        if (c == ':' && starts_autolink(clean, i)) out += kZeroWidthJoiner;
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

std::string markdown_code(std::string_view untrusted) {
  return "<code>" + escape_markdown(untrusted) + "</code>";
}

}  // namespace benchgate::report
