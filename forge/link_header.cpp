#include "forge/link_header.h"

namespace benchgate::forge {

std::optional<std::string> next_page_link(std::string_view header) {
  // Entries are `<url>; param; param`, separated by commas. URLs are inside <>, so a comma in a
  // URL cannot split an entry if we always jump from one '<' to its '>'.
  std::size_t pos = 0;
  while ((pos = header.find('<', pos)) != std::string_view::npos) {
    std::size_t close = header.find('>', pos);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view url = header.substr(pos + 1, close - pos - 1);
    std::size_t next_entry = header.find('<', close);
    std::string_view params =
        header.substr(close + 1, next_entry == std::string_view::npos ? std::string_view::npos
                                                                      : next_entry - close - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos ||
        params.find("rel=next") != std::string_view::npos)
      return std::string(url);
    pos = close;
  }
  return std::nullopt;
}

}  // namespace benchgate::forge
