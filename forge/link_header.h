#pragma once
// GitHub's pagination: `Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"`.
#include <optional>
#include <string>
#include <string_view>

namespace benchgate::forge {

// The URL with rel="next", or nullopt on the last page (or without a Link header).
std::optional<std::string> next_page_link(std::string_view link_header);

}  // namespace benchgate::forge
