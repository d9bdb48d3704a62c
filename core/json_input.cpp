#include "core/json_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_scalar.h"

namespace benchgate {
namespace {

// Returns the 1-based line and column of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// The key whose value starts on the failing line, if the line has one: `"real_time": NaN` ->
// "real_time". Lets a syntax error name the field, as users expect.
std::string key_on_line(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view line = text.substr(start, offset - start);
  std::size_t colon = line.rfind("\":");
  if (colon == std::string_view::npos) return {};
  std::size_t open = line.rfind('"', colon == 0 ? 0 : colon - 1);
  if (open == std::string_view::npos || open >= colon) return {};
  return std::string(line.substr(open + 1, colon - open - 1));
}

// Byte offset of the number literal `token` where it stands as a value (after `:`, `[` or `,`),
// or npos. nlohmann's overflow error has no position, only the literal; this recovers it so the
// message can name the line and field like every other syntax error.
std::size_t find_number_literal(std::string_view text, std::string_view token) {
  if (token.empty()) return std::string_view::npos;
  for (std::size_t at = text.find(token); at != std::string_view::npos;
       at = text.find(token, at + 1)) {
    std::size_t before = text.find_last_not_of(" \t\r\n", at == 0 ? 0 : at - 1);
    bool starts_value = at > 0 && before != std::string_view::npos &&
                        (text[before] == ':' || text[before] == '[' || text[before] == ',');
    std::size_t end = at + token.size();
    bool ends_value = end == text.size() ||
                      std::string_view(" \t\r\n,]}").find(text[end]) != std::string_view::npos;
    if (starts_value && ends_value) return at;
  }
  return std::string_view::npos;
}

void check_depth(std::string_view text, std::string_view source) {
  if (const std::size_t at = find_excess_nesting(text); at != std::string_view::npos) {
    auto [line, column] = line_and_column(text, at);
    throw InputError(fmt::format("{}:{}:{}: JSON nested deeper than {} levels", source, line,
                                 column, kMaxJsonDepth));
  }
}

}  // namespace

// Counts brackets outside strings. Linear and allocation-free.
std::size_t find_excess_nesting(std::string_view text, int outer_levels) {
  int depth = outer_levels;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string read_text_file(const std::filesystem::path& path) {
  std::string text;
  read_text_file(path, text);
  return text;
}

void read_text_file(const std::filesystem::path& path, std::string& text) {
  // POSIX reads, not an ifstream: `history` reads ten thousand stored files in a row, and the
  // stream's buffer and locale set-up cost as much as the read itself.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(fmt::format("{}: cannot open file", path.string()));
  struct stat info {};
  const bool sized = ::fstat(fd, &info) == 0;
  if (sized && S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw InputError(fmt::format("{}: is a directory, expected a file", path.string()));
  }
  // As many bytes as the file has, then whatever follows: a file still being written, or a pipe
  // (no size), read until its end.
  // The room past the end is part of the first allocation: reserving it after the read would copy
  // the whole text (84 MB for a large Google Benchmark file).
  text.clear();
  text.resize(sized && S_ISREG(info.st_mode)
                  ? static_cast<std::size_t>(info.st_size) + 1 + kReadInPlaceRoom
                  : 65536);
  std::size_t filled = 0;
  while (true) {
    if (filled + kReadInPlaceRoom >= text.size()) text.resize(text.size() * 2);
    const ssize_t got = ::read(fd, text.data() + filled, text.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      throw InputError(fmt::format("{}: read error", path.string()));
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  ::close(fd);
  // Shrinking keeps the capacity, and the bytes past `filled` stay the zeros resize wrote.
  text.resize(filled);
}

nlohmann::json parse_json_text(std::string_view text, std::string_view source) {
  // The quick reader takes well-formed documents at a fraction of nlohmann's cost (Google
  // Benchmark files reach 100 MB); nlohmann takes the rest and says what is wrong with them.
  if (std::optional<nlohmann::json> document = parse_json_quickly(text))
    return std::move(*document);
  check_depth(text, source);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = line_and_column(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string reason = e.what();
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 19:
    // syntax error while parsing value - invalid literal; last read: '...'": keep the middle.
    if (auto pos = reason.find(": "); pos != std::string::npos) reason.erase(0, pos + 2);
    if (auto pos = reason.find(" - "); pos != std::string::npos) reason.erase(0, pos + 3);
    if (auto pos = reason.find("; last read"); pos != std::string::npos) reason.erase(pos);
    if (e.byte > text.size()) reason = "unexpected end of input (truncated file?)";
    std::string field = key_on_line(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string hint;
    if (reason.find("invalid literal") != std::string::npos)
      hint = " (NaN and Infinity are not valid JSON numbers)";
    if (field.empty())
      throw InputError(
          fmt::format("{}:{}:{}: invalid JSON: {}{}", source, line, column, reason, hint));
    throw InputError(fmt::format("{}:{}:{}: invalid JSON in field `{}`: {}{}", source, line, column,
                                 field, reason, hint));
  } catch (const nlohmann::json::exception& e) {
    // e.g. out_of_range.406 "number overflow parsing '1e999'".
    std::string reason = e.what();
    if (auto pos = reason.find("] "); pos != std::string::npos) reason.erase(0, pos + 2);
    if (auto open = reason.find('\''), close = reason.rfind('\'');
        open != std::string::npos && close > open) {
      std::size_t at =
          find_number_literal(text, std::string_view(reason).substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) {
        auto [line, column] = line_and_column(text, at);
        std::string field = key_on_line(text, at);
        throw InputError(fmt::format("{}:{}:{}: invalid JSON{}: {}", source, line, column,
                                     field.empty() ? "" : fmt::format(" in field `{}`", field),
                                     reason));
      }
    }
    throw InputError(fmt::format("{}: invalid JSON: {}", source, reason));
  }
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  return parse_json_text(read_text_file(path), path.string());
}

namespace json_field {

std::string describe_type(const nlohmann::json& value) {
  return describe_type(scalar_of(value));
}

const nlohmann::json& object(const nlohmann::json& value, const std::string& where) {
  if (!value.is_object()) object(scalar_of(value), where);
  return value;
}

const nlohmann::json& array(const nlohmann::json& value, const std::string& where) {
  if (!value.is_array()) array(scalar_of(value), where);
  return value;
}

const nlohmann::json& results_array(const nlohmann::json& document, const char* key) {
  const auto& results = array(member(object(document, "(top level)"), key, ""), key);
  if (results.empty())
    throw InputError(
        fmt::format("field `{}`: empty array: no benchmark results in this file", key));
  return results;
}

const nlohmann::json* optional_member(const nlohmann::json& obj, const char* key,
                                      const std::string& where) {
  object(obj, where);
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

const nlohmann::json& member(const nlohmann::json& obj, const char* key, const std::string& where) {
  if (const auto* value = optional_member(obj, key, where)) return *value;
  throw InputError(fmt::format("field `{}{}{}`: missing", where, where.empty() ? "" : ".", key));
}

std::string string(const nlohmann::json& value, const std::string& where) {
  return string(scalar_of(value), where);
}

std::string ElementPath::str() const {
  return fmt::format("{}.{}[{}]", parent, array, index);
}

// The rules themselves are json_scalar.cpp's, shared with the run-record fast path.
double finite_number(const nlohmann::json& value, const std::string& where) {
  return finite_number(scalar_of(value), where);
}
double finite_number(const nlohmann::json& value, const ElementPath& where) {
  return finite_number(scalar_of(value), where);
}
long long integer(const nlohmann::json& value, const std::string& where) {
  return integer(scalar_of(value), where);
}
long long integer(const nlohmann::json& value, const ElementPath& where) {
  return integer(scalar_of(value), where);
}

bool boolean(const nlohmann::json& value, const std::string& where) {
  return boolean(scalar_of(value), where);
}

}  // namespace json_field
}  // namespace benchgate
