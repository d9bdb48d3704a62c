#include "core/json_writer.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace benchgate {
namespace {

// Printable ASCII other than `"` and `\` is written as is; anything else (escapes, UTF-8, bad
// bytes) goes through nlohmann, so escaping and U+FFFD replacement match the DOM's dump exactly.
bool is_plain(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  return true;
}

void append_string(std::string& out, std::string_view text) {
  if (is_plain(text)) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  out += nlohmann::json(std::string(text))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void JsonWriter::newline_and_indent() {
  out_ += '\n';
  out_.append(counts_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_ += ',';
  newline_and_indent();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) newline_and_indent();
  out_ += bracket;
  return *this;
}

JsonWriter JsonWriter::continuation(std::size_t elements_before) const {
  JsonWriter part(indent_);
  part.counts_ = counts_;
  part.counts_.back() = elements_before;
  return part;
}

JsonWriter& JsonWriter::append(JsonWriter&& part) {
  out_ += part.out_;
  counts_.back() = part.counts_.back();
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  return close('}');
}
JsonWriter& JsonWriter::end_array() {
  return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_string(out_, name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null();
  before_value();
  const std::size_t start = out_.size();
  fmt::format_to(std::back_inserter(out_), "{}", number);
  // A double always reads back as a double: "100" would come back as an integer.
  if (out_.find_first_of(".e", start) == std::string::npos) out_ += ".0";
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& texts) {
  begin_array();
  for (const auto& text : texts) value(std::string_view(text));
  return end_array();
}

JsonWriter& JsonWriter::dom(const nlohmann::json& document) {
  switch (document.type()) {
    case nlohmann::json::value_t::object:
      begin_object();
      for (const auto& [name, member] : document.items()) {
        key(name);
        dom(member);
      }
      return end_object();
    case nlohmann::json::value_t::array:
      begin_array();
      for (const auto& element : document) dom(element);
      return end_array();
    case nlohmann::json::value_t::string:
      return value(document.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return value(document.get<bool>());
    case nlohmann::json::value_t::number_unsigned:
      return value(static_cast<std::size_t>(document.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_float:
      return value(document.get<double>());
    default:
      return null();
  }
}

}  // namespace benchgate
