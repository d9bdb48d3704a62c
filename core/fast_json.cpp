#include "core/fast_json.h"

#include <cstdint>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "core/json_input.h"

namespace benchgate::fast_json {
using json_field::Scalar;
using nlohmann::json;
using Kind = Scalar::Kind;

namespace {

// Whether a number's token has 19 or more significant digits before its exponent. simdjson 3.0.1
// misreads some of those (0.12345678901234567890123 as 4.8e-05; get_number() reads any float
// with more than 19 as 0); a double needs at most 17, so writers never produce them.
bool long_mantissa(std::string_view token) {
  if (token.size() < 19) return false;
  int digits = 0;
  for (const char c : token) {
    if (c == 'e' || c == 'E' || c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
    if (c >= '1' && c <= '9') ++digits;
    if (c == '0' && digits > 0) ++digits;  // zeros count after the first significant digit
  }
  return digits >= 19;
}

// `true`, `false` or `null` exactly: a token's raw text may carry the whitespace after it.
void expect_literal(od::value& value, std::string_view word) {
  const std::string_view token = value.raw_json_token();
  if (token.substr(0, word.size()) != word) give_up();
  for (const char c : token.substr(word.size()))
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') give_up();
}

void enter(int level) {
  // The ordinary reader refuses deeper documents (find_excess_nesting); let it say so.
  if (level + 1 >= kMaxJsonDepth) give_up();
}

}  // namespace

void give_up() {
  throw Unsure{};
}

std::string_view plain_key(od::field& field) {
  const char* const start = field.key().raw();
  const char* end = start;
  while (*end != '"') {
    if (*end == '\\') give_up();
    ++end;
  }
  return {start, static_cast<std::size_t>(end - start)};
}

std::string_view string_value(od::value& value) {
  const std::string_view token = value.raw_json_token();
  if (token.empty() || token[0] != '"') give_up();
  std::size_t end = 1;
  while (end < token.size() && token[end] != '"' && token[end] != '\\') ++end;
  // Without escapes the string is its text, which simdjson checked (UTF-8, no control
  // characters): no need to copy it. The value must still be consumed: On-Demand skips what is
  // left unread more leniently than it reads.
  if (end < token.size() && token[end] == '"') {
    (void)value.get_raw_json_string().value();
    return token.substr(1, end - 1);
  }
  for (std::size_t i = end; i < token.size() && token[i] != '"'; ++i) {
    if (token[i] != '\\') continue;
    if (i + 1 < token.size() && token[i + 1] == 'u') give_up();
    ++i;  // an escaped character, perhaps a quote
  }
  return value.get_string();
}

// Integers beyond uint64 (a double for nlohmann) have 20 digits or more and floats beyond double
// range (refused by nlohmann) are errors for simdjson, so both end in the ordinary reader.
void number(od::value& value, Scalar& out) {
  const od::number n = value.get_number();  // parsed once, typed and valued
  switch (n.get_number_type()) {
    case od::number_type::signed_integer: {
      const std::int64_t v = n.get_int64();
      // nlohmann makes an unsigned integer of every integer written without a minus.
      if (v > 0 || (v == 0 && value.raw_json_token()[0] != '-')) {
        out.kind = Kind::unsigned_integer;
        out.unsigned_integer = static_cast<std::uint64_t>(v);
      } else {
        out.kind = Kind::integer;
        out.integer = v;
      }
      return;
    }
    case od::number_type::unsigned_integer:
      out.kind = Kind::unsigned_integer;
      out.unsigned_integer = n.get_uint64();
      return;
    default:
      // Also an integer beyond 64 bits, which simdjson may read as a double: 20 digits or more.
      if (long_mantissa(value.raw_json_token())) give_up();
      out.kind = Kind::floating;
      out.floating = n.get_double();
  }
}

Scalar number(od::value& value) {
  Scalar s;
  number(value, s);
  return s;
}

void scalar(od::value& value, int level, Scalar& out) {
  switch (value.type()) {
    case od::json_type::number:
      number(value, out);
      return;
    case od::json_type::string:
      out.kind = Kind::string;
      out.string = string_value(value);
      return;
    case od::json_type::boolean:
      out.kind = Kind::boolean;
      out.boolean = value.get_bool();
      expect_literal(value, out.boolean ? "true" : "false");
      return;
    case od::json_type::null:
      expect_literal(value, "null");
      if (!value.is_null().value()) give_up();  // which consumes it
      out.kind = Kind::null;
      return;
    case od::json_type::array:
      (void)fast_json::value(value, level);
      out.kind = Kind::array;
      return;
    case od::json_type::object:
      (void)fast_json::value(value, level);
      out.kind = Kind::object;
      return;
  }
  give_up();
}

Scalar scalar(od::value& value, int level) {
  Scalar s;
  scalar(value, level, s);
  return s;
}

json value(od::value& value, int level) {
  switch (value.type()) {
    case od::json_type::object: {
      enter(level);
      json result = json::object();
      auto& members = result.get_ref<json::object_t&>();
      // A repeated key keeps its last value, as in nlohmann's parser.
      for_each_in(value.get_object(), [&](od::field& field) {
        members.insert_or_assign(std::string(plain_key(field)),
                                 fast_json::value(field.value(), level + 1));
      });
      return result;
    }
    case od::json_type::array: {
      enter(level);
      json result = json::array();
      auto& elements = result.get_ref<json::array_t&>();
      for_each_in(value.get_array(), [&](od::value& element) {
        elements.push_back(fast_json::value(element, level + 1));
      });
      return result;
    }
    default: {
      const Scalar s = scalar(value, level);
      switch (s.kind) {
        case Kind::boolean:
          return json(s.boolean);
        case Kind::integer:
          return json(static_cast<json::number_integer_t>(s.integer));
        case Kind::unsigned_integer:
          return json(static_cast<json::number_unsigned_t>(s.unsigned_integer));
        case Kind::floating:
          return json(s.floating);
        case Kind::string:
          return json(std::string(s.string));
        default:
          return json(nullptr);
      }
    }
  }
}

struct Reader {
  od::parser parser;
  std::string padded;  // simdjson reads up to SIMDJSON_PADDING bytes past the text
};

namespace {
// Comparisons read their base side on a thread of its own each time, so a thread_local parser
// would be made anew for every comparison: readers are pooled instead, one per concurrent text.
class ReaderPool {
 public:
  std::unique_ptr<Reader> take() {
    const std::lock_guard lock(mutex_);
    if (idle_.empty()) return std::make_unique<Reader>();
    std::unique_ptr<Reader> reader = std::move(idle_.back());
    idle_.pop_back();
    return reader;
  }
  void give_back(std::unique_ptr<Reader> reader) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(reader));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};
ReaderPool& reader_pool() {
  static ReaderPool pool;
  return pool;
}

std::unique_ptr<Reader> reader_for(std::string_view text) {
  // nlohmann skips a UTF-8 byte-order mark; simdjson 3.0 does not.
  if (text.starts_with("\xEF\xBB\xBF")) give_up();
  return reader_pool().take();
}
}  // namespace

Text::Text(std::string_view text) : reader_(reader_for(text)) {
  iterate_copy(text);
}

Text::Text(const std::string& text) : reader_(reader_for(text)) {
  static_assert(kReadInPlaceRoom >= simdjson::SIMDJSON_PADDING);
  if (text.capacity() - text.size() < simdjson::SIMDJSON_PADDING) {
    iterate_copy(text);
    return;
  }
  document_ = reader_->parser.iterate(text.data(), text.size(), text.capacity()).value();
}

void Text::iterate_copy(std::string_view text) {
  reader_->padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(reader_->padded.data(), text.data(), text.size());
  document_ =
      reader_->parser.iterate(reader_->padded.data(), text.size(), reader_->padded.size()).value();
}

Text::~Text() {
  reader_pool().give_back(std::move(reader_));
}

void Text::expect_end() {
  // Only whitespace may follow the document: then there is no location left.
  if (document_.current_location().error() != simdjson::OUT_OF_BOUNDS) give_up();
}

}  // namespace benchgate::fast_json

namespace benchgate {

std::optional<nlohmann::json> parse_json_quickly(std::string_view text) {
  return fast_json::attempt([&] {
    fast_json::Text in(text);
    // A scalar document (never one of our inputs) is left to nlohmann.
    if (in.document().is_scalar()) fast_json::give_up();
    fast_json::od::value whole = in.document().get_value();
    nlohmann::json document = fast_json::value(whole, 0);
    in.expect_end();
    return document;
  });
}

}  // namespace benchgate
