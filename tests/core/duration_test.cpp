#include "core/duration.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/errors.h"

namespace benchgate {
namespace {

TEST(ParseDuration, AcceptsPlainSecondsUnitsAndCombinedForms) {
  EXPECT_DOUBLE_EQ(parse_duration("90", "--budget"), 90);
  EXPECT_DOUBLE_EQ(parse_duration("1.5", "--budget"), 1.5);
  EXPECT_DOUBLE_EQ(parse_duration("0", "--budget"), 0);
  EXPECT_DOUBLE_EQ(parse_duration("90s", "--budget"), 90);
  EXPECT_DOUBLE_EQ(parse_duration("1.5m", "--budget"), 90);
  EXPECT_DOUBLE_EQ(parse_duration("2min", "--budget"), 120);
  EXPECT_DOUBLE_EQ(parse_duration("1h", "--budget"), 3600);
  EXPECT_DOUBLE_EQ(parse_duration("500ms", "--budget"), 0.5);
  EXPECT_DOUBLE_EQ(parse_duration("1h30m", "--budget"), 5400);
  EXPECT_DOUBLE_EQ(parse_duration("2m30s", "--budget"), 150);
  EXPECT_DOUBLE_EQ(parse_duration("1s250ms", "--budget"), 1.25);
}

// The message names the flag, the text and the accepted forms.
void expect_refused(std::string_view text, std::string_view why) {
  try {
    parse_duration(text, "--timeout");
    ADD_FAILURE() << "accepted '" << text << "'";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(fmt::format("--timeout '{}'", text)), std::string::npos) << message;
    EXPECT_NE(message.find(why), std::string::npos) << message;
    EXPECT_NE(message.find("500ms, 90s, 1.5m, 1h"), std::string::npos) << message;
  }
}

TEST(ParseDuration, RefusesAnythingElseNamingTheFlagAndTheForms) {
  expect_refused("", "empty");
  expect_refused("abc", "not a number");
  expect_refused("-5s", "negative");
  expect_refused("5d", "unknown unit 'd'");
  expect_refused("1m30", "needs a unit");
  expect_refused("30s1m", "from the largest down");
  expect_refused("1m1m", "from the largest down");
  expect_refused("1min30m", "from the largest down");
  expect_refused("inf", "not a number");
  expect_refused(" 5s", "not a number");
  expect_refused("5 s", "unknown unit ' s'");
  expect_refused("5sec", "unknown unit 'sec'");
}

}  // namespace
}  // namespace benchgate
