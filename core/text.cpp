#include "core/text.h"

#include <fmt/format.h>

#include "core/clean_text.h"

namespace benchgate {

std::string short_commit(std::string_view sha, std::size_t digits) {
  return std::string(sha.substr(0, digits));
}

std::string seconds_text(double seconds) {
  if (seconds < 60) return fmt::format("{:.1f}s", seconds);
  const auto whole = static_cast<long long>(seconds);
  return fmt::format("{}m{:02}s", whole / 60, whole % 60);
}

bool append_markup_entity(std::string& out, char c) {
  switch (c) {
    case '&':
      out += "&amp;";
      return true;
    case '<':
      out += "&lt;";
      return true;
    case '>':
      out += "&gt;";
      return true;
    case '"':
      out += "&quot;";
      return true;
    case '\'':
      out += "&#39;";  // XML 1.0 and HTML 4 both know this one; &apos; is not HTML 4
      return true;
    default:
      return false;
  }
}

std::string escape_xml(std::string_view untrusted) {
  const std::string clean = clean_text(untrusted);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean)
    if (!append_markup_entity(out, c)) out += c;
  return out;
}

}  // namespace benchgate
