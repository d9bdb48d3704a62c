#include "core/text_lines.h"

#include <gtest/gtest.h>

namespace benchgate {
namespace {
using Lines = std::vector<std::string_view>;

TEST(PhysicalLines, KeepsBlankLinesStripsCarriageReturnsAndIgnoresTheFinalNewline) {
  EXPECT_EQ(physical_lines("a\n\r\nb\r\nc"), (Lines{"a", "", "b", "c"}));
  EXPECT_EQ(physical_lines("a\n"), (Lines{"a"}));
  EXPECT_EQ(physical_lines("a\n\n"), (Lines{"a", ""}));
  EXPECT_TRUE(physical_lines("").empty());
}

TEST(LineExcerpt, PutsACaretUnderTheColumn) {
  const std::string_view text = "[gate]\nthreshold = 5%\n";
  EXPECT_EQ(line_excerpt(text, 2, 14), "  2 | threshold = 5%\n    |              ^");
  EXPECT_EQ(line_excerpt(text, 1, 1), "  1 | [gate]\n    | ^");
  // Tabs are kept under the caret and a multi-byte character is one column.
  EXPECT_EQ(line_excerpt("\tn\xc3\xa9 = x\x01\n", 1, 4), "  1 | \tn\xc3\xa9 = x?\n    | \t  ^");
  EXPECT_EQ(line_excerpt(text, 3, 1), "");
  EXPECT_EQ(line_excerpt(text, 0, 1), "");
}

}  // namespace
}  // namespace benchgate
