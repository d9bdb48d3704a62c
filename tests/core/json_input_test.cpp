#include "core/json_input.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <limits>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/support/temp_dir.h"

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

std::string read_error_of(const std::filesystem::path& path) {
  try {
    read_text_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReadTextFile, ReadsWholeFilesOfAnySize) {
  testing::TempDir dir;
  for (const std::size_t size : {0, 1, 4095, 4096, 65536, 65537, 1 << 20}) {
    std::string text(size, 'x');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i * 7 % 26);
    testing::write_file(dir / "f", text);
    EXPECT_EQ(read_text_file(dir / "f"), text) << size;
  }
}

TEST(ReadTextFile, ReadsAPipeToItsEnd) {
  // A pipe has no size: what a process substitution (`<(...)`) or `/dev/stdin` gives us.
  testing::TempDir dir;
  const auto fifo = dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string text(200000, 'p');
  const pid_t writer = ::fork();
  ASSERT_GE(writer, 0);
  if (writer == 0) {
    testing::write_file(fifo, text);
    ::_exit(0);
  }
  EXPECT_EQ(read_text_file(fifo), text);
  int status = 0;
  ::waitpid(writer, &status, 0);
}

TEST(ReadTextFile, MissingFilesAndDirectoriesAreInputErrorsNamingThePath) {
  testing::TempDir dir;
  EXPECT_THAT(read_error_of(dir / "absent.json"), HasSubstr("absent.json: cannot open file"));
  EXPECT_THAT(read_error_of(dir.path()), HasSubstr("is a directory, expected a file"));
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
