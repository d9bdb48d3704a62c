#include "core/clean_text.h"

#include <gtest/gtest.h>

namespace benchgate {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

TEST(CleanText, KeepsPrintableUtf8) {
  EXPECT_EQ(clean_text("BM_Sort/1024 µs ∞ 漢字 😀"), "BM_Sort/1024 µs ∞ 漢字 😀");
}

TEST(CleanText, LineBreaksAndTabsBecomeSpaces) {
  EXPECT_EQ(clean_text("a\nb\r\nc\td"), "a b  c d");
}

TEST(CleanText, DropsControlCharactersAndTerminalEscapes) {
  EXPECT_EQ(clean_text(std::string("a\x1b[31mred\x07\x7f", 11) + std::string(1, '\0') + "z"),
            "a[31mredz");
  EXPECT_EQ(clean_text("c1\xC2\x85here"), "c1here");  // U+0085 NEL is a C1 control
}

TEST(CleanText, DropsBidiOverridesThatReorderText) {
  EXPECT_EQ(clean_text("BM_\xE2\x80\xAE"
                       "evil\xE2\x80\xAC"
                       "_x"),
            "BM_evil_x");  // U+202E, U+202C
  EXPECT_EQ(clean_text("a\xE2\x81\xA6"
                       "b\xE2\x81\xA9"),
            "ab");  // U+2066, U+2069
}

TEST(CleanText, DropsXmlNonCharacters) {
  EXPECT_EQ(clean_text("a\xEF\xBF\xBE"
                       "b"),
            "ab");
}

TEST(CleanText, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(clean_text("a\xFFz"), "a" + kReplacement + "z");
  EXPECT_EQ(clean_text("truncated \xE2\x82"), "truncated " + kReplacement + kReplacement);
  EXPECT_EQ(clean_text("overlong \xC0\xAF"), "overlong " + kReplacement + kReplacement);
  EXPECT_EQ(clean_text("surrogate \xED\xA0\x80"),
            "surrogate " + kReplacement + kReplacement + kReplacement);
  EXPECT_EQ(clean_text("too big \xF4\x90\x80\x80"),
            "too big " + kReplacement + kReplacement + kReplacement + kReplacement);
}

TEST(CleanText, DisplayWidthCountsCodePoints) {
  EXPECT_EQ(display_width("1.23 µs"), 7u);
  EXPECT_EQ(display_width("+∞"), 2u);
  EXPECT_EQ(display_width(""), 0u);
}

}  // namespace
}  // namespace benchgate
