#pragma once
// Splitting text into lines, once for everyone: JSON Lines notes, stderr tails, git's hook input.
#include <string>
#include <string_view>
#include <vector>

namespace benchgate {

// Every physical line of `text`, without its '\n' or a trailing '\r'; blank lines are kept so
// that a line's index + 1 is the line number an editor shows. A final '\n' ends the last line
// rather than starting an empty one.
std::vector<std::string_view> physical_lines(std::string_view text);

// Line `line` of `text` (1-based, as physical_lines counts) with a caret under `column` (1-based,
// in characters), for an error message that shows where a file is wrong:
//     2 | threshold = 5%
//       |              ^
// Two lines joined by '\n', no final newline; control characters are shown as '?'. Empty when
// there is no such line.
std::string line_excerpt(std::string_view text, std::size_t line, std::size_t column);

}  // namespace benchgate
