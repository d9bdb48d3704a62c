#pragma once
// Splitting text into lines, once for everyone: JSON Lines notes, stderr tails, git's hook input.
#include <string_view>
#include <vector>

namespace benchgate {

// Every physical line of `text`, without its '\n' or a trailing '\r'; blank lines are kept so
// that a line's index + 1 is the line number an editor shows. A final '\n' ends the last line
// rather than starting an empty one.
std::vector<std::string_view> physical_lines(std::string_view text);

}  // namespace benchgate
