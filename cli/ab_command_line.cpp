#include "cli/ab_command_line.h"

#include <charconv>

#include <fmt/format.h>

#include "core/duration.h"
#include "core/errors.h"

namespace benchgate::cli {

std::vector<std::string> split_command_line(std::string_view text, std::string_view flag) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (++i < text.size()) word += text[i];
    } else if (c == '\'') {
      const auto end = text.find('\'', i + 1);
      if (end == std::string_view::npos)
        throw InputError(fmt::format("{} '{}': unterminated single quote", flag, text));
      word += text.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= text.size())
          throw InputError(fmt::format("{} '{}': unterminated double quote", flag, text));
        if (text[i] == '"') break;
        // Inside double quotes a backslash only escapes the characters the shell lets it escape.
        if (text[i] == '\\' && i + 1 < text.size() &&
            std::string_view("\"\\$`").find(text[i + 1]) != std::string_view::npos)
          ++i;
        word += text[i];
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  if (words.empty()) throw InputError(fmt::format("{}: the command is empty", flag));
  return words;
}

std::optional<int> parse_rounds(std::string_view text, std::string_view flag) {
  if (text == "auto") return std::nullopt;
  int rounds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rounds);
  if (ec != std::errc() || end != text.data() + text.size() || rounds < 1)
    throw InputError(
        fmt::format("{} '{}': expected a number of rounds >= 1 or 'auto'", flag, text));
  return rounds;
}

std::chrono::duration<double> parse_budget(std::string_view text, std::string_view flag) {
  const double seconds = parse_duration(text, flag);
  if (!(seconds > 0)) throw InputError(fmt::format("{} '{}': must be positive", flag, text));
  return std::chrono::duration<double>(seconds);
}

}  // namespace benchgate::cli
