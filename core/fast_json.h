#pragma once
// The fast path of JSON input: text read with simdjson's On-Demand API, for the documents too big
// for nlohmann's per-character lexer (a Google Benchmark file of 10,000 benchmarks x 30
// repetitions is 84 MB, a run record of the same 3 million numbers 60 MB).
//
// The fast path never explains anything. Whatever simdjson and nlohmann might read differently —
// a key with an escape (it could name a known member in disguise) or a \u escape in a string
// (surrogates, \u0000), a float of 19 or more significant digits, an integer beyond 64 bits, a
// repeated key where the reader keeps one value, a byte-order mark, nesting beyond kMaxJsonDepth,
// a scalar as the whole document — throws Unsure, and a malformed text makes simdjson throw
// simdjson_error. The caller then reads the text the ordinary way (parse_json_text and the
// document readers), which accepts it or names the file, line and field that are wrong. So what
// the fast path accepts, nlohmann accepts too, with the same values and types.
//
// Only the fast readers include this header (core/, runner/): it brings <simdjson.h>.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_scalar.h"

namespace benchgate::fast_json {
namespace od = simdjson::ondemand;

// Not an error: "read this text the ordinary way".
struct Unsure {};
[[noreturn]] void give_up();

// A key as it stands in the text (simdjson has checked it for UTF-8 and control characters);
// gives up on a key with an escape.
std::string_view plain_key(od::field& field);
// A string value, decoded by simdjson; one with a \u escape is left to nlohmann.
std::string_view string_value(od::value& value);
// A number, typed as nlohmann types it: `-1` and `-0` integers, `0` to 18446744073709551615
// unsigned, anything with `.` or `e` floating, rounded exactly.
json_field::Scalar number(od::value& value);
// The same, written into `out` (a default Scalar): saves a copy per value on the hottest paths.
void number(od::value& value, json_field::Scalar& out);
// Any value as a Scalar: a string's view lives until the parser reads on. An array or object
// `level` deep in its document is checked as nlohmann would read it and typed array or object;
// On-Demand alone would skip it unchecked.
json_field::Scalar scalar(od::value& value, int level);
void scalar(od::value& value, int level, json_field::Scalar& out);
// Any value `level` deep in its document, as nlohmann::json::parse would build it.
nlohmann::json value(od::value& value, int level);

// Calls `each(od::field&)` for every member of an od::object, `each(od::value&)` for every element
// of an od::array, each where the iterator's result holds it. `for (od::field f : object)` copies
// each out of its result, and GCC's copy (stored in halves, loaded whole) stalls the pipeline
// every time: a fifth of the time spent reading a Google Benchmark file.
template <typename ObjectOrArray, typename Each>
void for_each_in(ObjectOrArray container, Each&& each);

struct Reader;  // a simdjson parser and the padded copy of the text it reads, kept for reuse
// One text being read: a parser borrowed from a pool (parsers and their buffers grow to the
// largest text read, and first touching that much fresh memory costs more than reading a text
// twice) and the document On-Demand iterates.
class Text {
 public:
  // Gives up on a byte-order mark (nlohmann skips it). A string with SIMDJSON_PADDING bytes of
  // capacity to spare (read_text_file leaves them) is read in place; any other text is copied.
  explicit Text(std::string_view text);
  explicit Text(const std::string& text);
  ~Text();
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  od::document& document() { return document_; }
  // Call once the document is read: gives up unless only whitespace follows it.
  void expect_end();

 private:
  void iterate_copy(std::string_view text);  // into the reader's padded buffer

  std::unique_ptr<Reader> reader_;
  od::document document_;
};

// `read()`'s result, or nullopt when the fast path is unsure, the text is malformed, or the
// document's own rules (an InputError) refuse it: the ordinary reader then explains.
template <typename Read>
auto attempt(Read&& read) -> std::optional<decltype(read())>;

}  // namespace benchgate::fast_json

template <typename Read>
auto benchgate::fast_json::attempt(Read&& read) -> std::optional<decltype(read())> {
  try {
    return read();
  } catch (const Unsure&) {
  } catch (const simdjson::simdjson_error&) {
  } catch (const InputError&) {
  }
  return std::nullopt;
}

template <typename ObjectOrArray, typename Each>
void benchgate::fast_json::for_each_in(ObjectOrArray container, Each&& each) {
  for (auto it = container.begin(); it != container.end(); ++it) {
    auto at = *it;
    if (at.error()) throw simdjson::simdjson_error(at.error());
    each(at.value_unsafe());
  }
}
