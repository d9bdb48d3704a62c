#pragma once
// A strict, minimal JSON reader over text in memory, for the inputs too big for nlohmann's lexer:
// two sides of 10,000 benchmarks x 30 samples are 3 million numbers, and nlohmann's per-character
// lexer plus strtod spent ~135 ms per side on them alone
// (docs/development.md#benchmarks-of-benchgate-itself wants the whole compare in 200 ms). Numbers
// go through std::from_chars, which rounds exactly like strtod.
//
// The cursor never explains a mistake. Whatever it is not sure of — a syntax error, a string with
// an escape or a non-ASCII byte (left to nlohmann, which checks UTF-8), a number out of range,
// nesting near kMaxJsonDepth, a byte-order mark — throws JsonCursor::Unreadable, and the caller
// reads the text the ordinary way (parse_json_text), which refuses it with line, column and field
// or accepts it. So what the cursor accepts, nlohmann accepts too, with the same values.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_input.h"

namespace benchgate {

class JsonCursor {
 public:
  // Not an error: "read this text the ordinary way".
  struct Unreadable {};

  explicit JsonCursor(std::string_view text) : text_(text) {}

  // Reads an object, calling on_member(key) for each member with the cursor at its value; the
  // callback must read the value. `key` stays valid during the call only.
  template <typename OnMember>
  void object(OnMember&& on_member);
  // Reads an array, calling on_element(index) with the cursor at each element, which it must read.
  template <typename OnElement>
  void array(OnElement&& on_element);

  nlohmann::json value();           // any value, as nlohmann::json::parse would build it
  nlohmann::json number_or_null();  // a number (integer, unsigned or float, as nlohmann types it)
  std::string string();             // a string's value

  // Only whitespace may follow the document.
  void finish();

 private:
  [[noreturn]] static void give_up() { throw Unreadable{}; }
  void skip_whitespace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  // The next character after whitespace, not consumed; gives up at the end of the text.
  char peek() {
    skip_whitespace();
    if (pos_ == text_.size()) give_up();
    return text_[pos_];
  }
  void expect(char c) {
    if (peek() != c) give_up();
    ++pos_;
  }
  void enter() {
    // The ordinary parser refuses deeper documents (check_depth); let it say so.
    if (++depth_ >= kMaxJsonDepth) give_up();
  }
  // A string's value: a view of the text when it is plain ASCII without escapes, else decoded
  // by nlohmann into `decoded`.
  std::string_view string_literal(std::string& decoded);
  nlohmann::json number();
  void literal(std::string_view word);

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

// The whole of `text` as one JSON document, or nullopt when the cursor cannot read it (then use
// parse_json_text, which also explains any error).
std::optional<nlohmann::json> parse_json_quickly(std::string_view text);

template <typename OnMember>
void JsonCursor::object(OnMember&& on_member) {
  expect('{');
  enter();
  if (peek() == '}') {
    ++pos_;
    --depth_;
    return;
  }
  std::string decoded;  // per call: members' values may hold objects with keys of their own
  for (;;) {
    if (peek() != '"') give_up();
    const std::string_view key = string_literal(decoded);
    expect(':');
    on_member(key);
    const char next = peek();
    ++pos_;
    if (next == '}') break;
    if (next != ',') give_up();
  }
  --depth_;
}

template <typename OnElement>
void JsonCursor::array(OnElement&& on_element) {
  expect('[');
  enter();
  if (peek() == ']') {
    ++pos_;
    --depth_;
    return;
  }
  for (std::size_t index = 0;; ++index) {
    on_element(index);
    const char next = peek();
    ++pos_;
    if (next == ']') break;
    if (next != ',') give_up();
  }
  --depth_;
}

}  // namespace benchgate
