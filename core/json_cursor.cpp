#include "core/json_cursor.h"

#include <charconv>
#include <cstdint>
#include <system_error>

namespace benchgate {
using nlohmann::json;

namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

std::string_view JsonCursor::string_literal(std::string& decoded) {
  const std::size_t start = pos_;  // at the opening quote
  std::size_t i = start + 1;
  for (; i < text_.size(); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '"') {
      pos_ = i + 1;
      return text_.substr(start + 1, i - start - 1);
    }
    if (c == '\\' || c < 0x20 || c >= 0x80) break;
  }
  // Escapes, control characters and UTF-8 are rare in our inputs: nlohmann decodes and checks
  // them, so the two readers cannot disagree about them.
  for (; i < text_.size() && text_[i] != '"'; ++i)
    if (text_[i] == '\\') ++i;
  if (i >= text_.size()) give_up();
  pos_ = i + 1;
  try {
    decoded = std::move(json::parse(text_.substr(start, pos_ - start)).get_ref<std::string&>());
  } catch (const json::exception&) {
    give_up();
  }
  return decoded;
}

std::string JsonCursor::string() {
  if (peek() != '"') give_up();
  std::string decoded;
  const std::string_view value = string_literal(decoded);
  return decoded.empty() ? std::string(value) : decoded;
}

void JsonCursor::literal(std::string_view word) {
  if (text_.compare(pos_, word.size(), word) != 0) give_up();
  pos_ += word.size();
}

// The JSON grammar -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, typed as nlohmann types it:
// integers as signed (with a minus) or unsigned 64-bit when they fit, everything else as double.
json JsonCursor::number() {
  const char* const begin = text_.data() + pos_;
  const char* const end = text_.data() + text_.size();
  const char* p = begin;
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  if (p == end || !is_digit(*p)) give_up();
  // The digits, integer and fraction, summed while scanning them (up to 19, which cannot
  // overflow): sample indices and short decimals then need no second pass.
  std::uint64_t mantissa = 0;
  int digits = 0;
  const auto take_digit = [&] {
    if (++digits <= 19) mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
    ++p;
  };
  if (*p == '0')
    take_digit();
  else
    while (p != end && is_digit(*p)) take_digit();
  bool integral = true;
  int fraction_digits = 0;
  if (p != end && *p == '.') {
    integral = false;
    if (++p == end || !is_digit(*p)) give_up();
    const int before = digits;
    while (p != end && is_digit(*p)) take_digit();
    fraction_digits = digits - before;
  }
  int exponent = 0;
  if (p != end && (*p == 'e' || *p == 'E')) {
    integral = false;
    const bool negative_exponent = ++p != end && *p == '-';
    if (p != end && (*p == '+' || *p == '-')) ++p;
    if (p == end || !is_digit(*p)) give_up();
    for (; p != end && is_digit(*p); ++p)
      if (exponent < 100000) exponent = exponent * 10 + (*p - '0');
    if (negative_exponent) exponent = -exponent;
  }
  pos_ = static_cast<std::size_t>(p - text_.data());
  if (integral) {
    // Up to 18 digits fit both signed and unsigned 64-bit integers.
    if (digits <= 18)
      return negative ? json(-static_cast<json::number_integer_t>(mantissa)) : json(mantissa);
    if (negative) {
      json::number_integer_t v = 0;
      if (std::from_chars(begin, p, v).ec == std::errc{}) return json(v);
    } else {
      json::number_unsigned_t v = 0;
      if (std::from_chars(begin, p, v).ec == std::errc{}) return json(v);
    }
    // Too big for 64 bits: nlohmann then reads it as a double, as below.
  }
  // Clinger's fast path: a mantissa up to 2^53 and a power of ten up to 10^22 are exact doubles,
  // and one IEEE multiplication or division of them rounds correctly, exactly as strtod does.
  static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const int scale = exponent - fraction_digits;
  if (digits <= 19 && mantissa <= (std::uint64_t{1} << 53) && scale >= -22 && scale <= 22) {
    double v = static_cast<double>(mantissa);
    v = scale < 0 ? v / kPowersOfTen[-scale] : v * kPowersOfTen[scale];
    return json(negative ? -v : v);
  }
  double v = 0;
  // Out of range: nlohmann refuses what overflows and keeps what underflows; let it decide.
  if (std::from_chars(begin, p, v).ec != std::errc{}) give_up();
  return json(v);
}

json JsonCursor::number_or_null() {
  if (peek() == 'n') {
    literal("null");
    return json(nullptr);
  }
  return number();
}

json JsonCursor::value() {
  switch (peek()) {
    case '{': {
      json result = json::object();
      auto& members = result.get_ref<json::object_t&>();
      // A repeated key keeps its last value, as in nlohmann's parser.
      object([&](std::string_view key) { members.insert_or_assign(std::string(key), value()); });
      return result;
    }
    case '[': {
      json result = json::array();
      auto& elements = result.get_ref<json::array_t&>();
      array([&](std::size_t) { elements.push_back(value()); });
      return result;
    }
    case '"':
      return json(string());
    case 't':
      literal("true");
      return json(true);
    case 'f':
      literal("false");
      return json(false);
    case 'n':
      literal("null");
      return json(nullptr);
    default:
      return number();
  }
}

void JsonCursor::finish() {
  skip_whitespace();
  if (pos_ != text_.size()) give_up();
}

std::optional<json> parse_json_quickly(std::string_view text) {
  try {
    JsonCursor cursor(text);
    json document = cursor.value();
    cursor.finish();
    return document;
  } catch (const JsonCursor::Unreadable&) {
    return std::nullopt;
  }
}

}  // namespace benchgate
