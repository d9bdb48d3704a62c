#include "core/text_lines.h"

#include <fmt/format.h>

namespace benchgate {

std::vector<std::string_view> physical_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string line_excerpt(std::string_view text, std::size_t line, std::size_t column) {
  const std::vector<std::string_view> lines = physical_lines(text);
  if (line == 0 || line > lines.size()) return {};
  const std::string_view source = lines[line - 1];
  std::string shown, under;
  std::size_t characters = 0;
  for (char c : source) {
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;  // inside UTF-8
    if (!continuation) ++characters;
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    shown += control && c != '\t' ? '?' : c;
    // The caret line copies tabs, so that the caret lands under the column whatever their width.
    if (!continuation && characters < column) under += c == '\t' ? '\t' : ' ';
  }
  const std::string number = std::to_string(line);
  return fmt::format("  {} | {}\n  {} | {}^", number, shown, std::string(number.size(), ' '),
                     under);
}

}  // namespace benchgate
