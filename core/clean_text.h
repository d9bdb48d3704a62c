#pragma once
// Benchmark names, labels, metric names and error messages come from user files. Before any
// reporter prints them they are made into valid UTF-8 without control characters, so no output
// can be corrupted: no invalid XML, no terminal escape sequence, no bidi override that visually
// reorders a name. Format-specific escaping (Markdown, XML) is applied on top of this.
#include <cstddef>
#include <string>
#include <string_view>

namespace benchgate {

// `text` as valid UTF-8 on one line: invalid bytes become U+FFFD, tab/CR/LF become a space, other
// C0/C1 controls, DEL, bidi controls and the XML non-characters U+FFFE/U+FFFF are dropped.
std::string clean_text(std::string_view text);

// Width on a terminal of already clean text, counted in code points (good enough for the names
// and units we print; east-Asian wide characters would count as one).
std::size_t display_width(std::string_view clean);

}  // namespace benchgate
