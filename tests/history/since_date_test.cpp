#include <gtest/gtest.h>

#include "core/errors.h"
#include "history/since_date.h"

namespace benchgate::history {
namespace {

TEST(HistorySince, IsoDatesAndTimesAreUtc) {
  EXPECT_EQ(parse_since("1970-01-02", 0), 86400);
  EXPECT_EQ(parse_since("2026-01-31", 0), 1769817600);
  EXPECT_EQ(parse_since("2026-01-31T12:30:05Z", 0), 1769817600 + 12 * 3600 + 30 * 60 + 5);
}

TEST(HistorySince, RelativeIsCountedBackFromNow) {
  EXPECT_EQ(parse_since("30 days ago", 10'000'000), 10'000'000 - 30 * 86400);
  EXPECT_EQ(parse_since("1 week ago", 1'000'000), 1'000'000 - 7 * 86400);
  EXPECT_EQ(parse_since("2 hours ago", 10'000), 10'000 - 7200);
}

TEST(HistorySince, AnythingElseIsAnInputErrorNamingTheFlag) {
  for (const char* bad : {"yesterday", "2026-02-30", "2026-1-5", "3 fortnights ago", ""}) {
    try {
      parse_since(bad, 0);
      ADD_FAILURE() << bad;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("--since"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace benchgate::history
