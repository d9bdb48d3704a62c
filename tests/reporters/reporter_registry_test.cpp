#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "reporters/reporter.h"

namespace benchgate::report {
namespace {
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ReporterRegistry, KnowsTheFourFormats) {
  EXPECT_THAT(reporter_names(), ElementsAre("console", "markdown", "json", "junit"));
}

TEST(ReporterRegistry, EachNameMakesThatReporter) {
  for (std::string_view name : reporter_names()) EXPECT_EQ(make_reporter(name)->name(), name);
}

TEST(ReporterRegistry, FileExtensions) {
  EXPECT_EQ(make_reporter("console")->file_extension(), "txt");
  EXPECT_EQ(make_reporter("markdown")->file_extension(), "md");
  EXPECT_EQ(make_reporter("json")->file_extension(), "json");
  EXPECT_EQ(make_reporter("junit")->file_extension(), "xml");
}

TEST(ReporterRegistry, UnknownNameIsAnInputErrorListingTheKnownOnes) {
  try {
    make_reporter("html");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("'html'"));
    EXPECT_THAT(e.what(), HasSubstr("console, markdown, json, junit"));
  }
}

}  // namespace
}  // namespace benchgate::report
