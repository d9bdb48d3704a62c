#pragma once
// Reading JSON that a user (or another tool) gave us, with errors that say where it is wrong.
//
// Every error is an InputError whose message names the source and either the line:column of a
// syntax error or the path of the offending field (e.g. `benchmarks[3].real_time`).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace benchgate {

// Deeper nesting than this is refused before parsing: nothing we read needs it, and recursive
// consumers (dump, our own walkers) must never see a stack-exhausting document.
inline constexpr int kMaxJsonDepth = 256;
// The offset of the first `[` or `{` outside strings that nests deeper than kMaxJsonDepth, when
// `text` is a value `outer_levels` deep inside its document; npos when there is none.
std::size_t find_excess_nesting(std::string_view text, int outer_levels = 0);

// Bytes of capacity read_text_file leaves past the text, zeroed: the fast path (core/fast_json.h)
// needs that much readable room after a text to read it in place instead of copying it.
inline constexpr std::size_t kReadInPlaceRoom = 64;
// The file's bytes, with at least kReadInPlaceRoom bytes of capacity to spare.
std::string read_text_file(const std::filesystem::path& path);
// The same into `text`, reusing its memory: reading many large files in a row into one buffer
// spares the page faults of fresh memory for each.
void read_text_file(const std::filesystem::path& path, std::string& text);
nlohmann::json parse_json_text(std::string_view text, std::string_view source);
// The whole of `text` as one JSON document read by the fast path (core/fast_json.h), or nullopt
// when it cannot read it: then use parse_json_text, which also explains any error.
std::optional<nlohmann::json> parse_json_quickly(std::string_view text);
nlohmann::json read_json_file(const std::filesystem::path& path);

// Field accessors for validating documents. `where` is the JSON path of `value` (for messages).
namespace json_field {
const nlohmann::json& member(const nlohmann::json& object, const char* key,
                             const std::string& where);
const nlohmann::json* optional_member(const nlohmann::json& object, const char* key,
                                      const std::string& where);
const nlohmann::json& object(const nlohmann::json& value, const std::string& where);
const nlohmann::json& array(const nlohmann::json& value, const std::string& where);
// The top-level array `key` of a results document ("results" of hyperfine and nanobench): an
// InputError when the document is no object, or the member is missing, no array, or empty.
const nlohmann::json& results_array(const nlohmann::json& document, const char* key);
std::string string(const nlohmann::json& value, const std::string& where);
double finite_number(const nlohmann::json& value, const std::string& where);
long long integer(const nlohmann::json& value, const std::string& where);
bool boolean(const nlohmann::json& value, const std::string& where);
std::string describe_type(const nlohmann::json& value);

// The path `parent.array[index]` of one element of a sample column, formatted only when the
// element is bad: formatting it for each of millions of good samples cost more than reading them.
struct ElementPath {
  std::string_view parent;  // e.g. "benchmarks[3].metrics"
  std::string_view array;   // e.g. "real_time"
  std::size_t index;
  std::string str() const;
};
double finite_number(const nlohmann::json& value, const ElementPath& where);
long long integer(const nlohmann::json& value, const ElementPath& where);
}  // namespace json_field

}  // namespace benchgate
