#include "core/json_input.h"

#include <limits>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;

std::string error_of(std::string_view text) {
  try {
    parse_json_text(text, "f.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(JsonInput, SyntaxErrorNamesLineColumnAndField) {
  std::string msg = error_of("{\n  \"benchmarks\": [\n    {\"real_time\": NaN}\n  ]\n}");
  EXPECT_THAT(msg, HasSubstr("f.json:3:"));
  EXPECT_THAT(msg, HasSubstr("real_time"));
  EXPECT_THAT(msg, HasSubstr("NaN"));
}

TEST(JsonInput, TruncatedFileSaysSo) {
  EXPECT_THAT(error_of("{\"benchmarks\": [ {\"name\": \"a\""), HasSubstr("f.json:1:"));
}

TEST(JsonInput, DeepNestingIsRefusedBeforeParsing) {
  std::string deep(1000, '[');
  deep += std::string(1000, ']');
  EXPECT_THAT(error_of(deep), HasSubstr("nested deeper than"));
  // Brackets inside strings do not count.
  EXPECT_NO_THROW(parse_json_text("{\"a\": \"" + std::string(1000, '[') + "\"}", "s"));
}

TEST(JsonInput, NumberOverflowIsAnInputError) {
  EXPECT_THAT(error_of("{\"real_time\": 1e999}"), HasSubstr("f.json"));
}

TEST(JsonInput, InvalidUtf8IsAnError) {
  EXPECT_THAT(error_of("{\"name\": \"\xff\xfe\"}"), HasSubstr("f.json:1:"));
}

TEST(JsonField, MessagesNameThePath) {
  auto j = nlohmann::json::parse(R"({"a": {"b": "x"}})");
  j["a"]["big"] = std::numeric_limits<double>::infinity();
  try {
    json_field::finite_number(j["a"]["b"], "a.b");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("`a.b`: expected a number, got string"));
  }
  EXPECT_THROW(json_field::finite_number(j["a"]["big"], "a.big"), InputError);
  EXPECT_THROW(json_field::member(j, "zzz", ""), InputError);
  EXPECT_EQ(json_field::integer(nlohmann::json(3.0), "x"), 3);
  EXPECT_THROW(json_field::integer(nlohmann::json(3.5), "x"), InputError);
}

}  // namespace
}  // namespace benchgate
