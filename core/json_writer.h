#pragma once
// Writing a large JSON document straight into a string, laid out as nlohmann's dump(2) lays it
// out. Building a nlohmann DOM first (one map node and key string per field) and then dumping it
// took most of the time of rendering a 10,000-benchmark report.
//
// The caller emits keys and values in order; the writer adds commas, newlines and indentation.
// Non-finite doubles are written as null (JSON has no NaN or infinity), as nlohmann does.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace benchgate {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);  // inside an object, before each value

  JsonWriter& value(std::string_view text);  // invalid UTF-8 becomes U+FFFD, as in the reports
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(std::size_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(const std::optional<double>& number) {
    return number ? value(*number) : null();
  }
  JsonWriter& value(const std::vector<std::string>& texts);
  // A small DOM (a report's attachments) in the same layout; its object keys come sorted, as
  // nlohmann keeps them.
  JsonWriter& dom(const nlohmann::json& document);

  // For writing the elements of one large array on several threads: a writer that continues
  // this one (inside the same open array, `elements_before` elements into it) from an empty
  // text, and append() to add what it wrote. Parts appended in order give the text this writer
  // would have written itself.
  JsonWriter continuation(std::size_t elements_before) const;
  JsonWriter& append(JsonWriter&& part);

  // The document so far; complete once every begin_* has been ended.
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline_and_indent();
  JsonWriter& close(char bracket);

  std::string out_;
  std::vector<std::size_t> counts_;  // elements written so far in each open container
  bool after_key_ = false;
  int indent_;
};

}  // namespace benchgate
