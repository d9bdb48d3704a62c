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

}  // namespace
}  // namespace benchgate
