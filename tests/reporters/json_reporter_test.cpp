#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"

namespace benchgate::report {
namespace {
using nlohmann::json;
using testing::every_verdict;
using testing::make_row;
using testing::single_run_comparison;

json render(const Comparison& c) {
  return json::parse(make_reporter("json")->render(c));
}

// The names docs/statistics.md#how-this-is-tested-testsstats promises to other tools. Renaming one
// breaks them: this test is the tripwire.
TEST(JsonReporter, KeepsTheContractNames) {
  const json report = render(every_verdict());
  EXPECT_EQ(report.at("verdict"), "fail");
  ASSERT_EQ(report.at("benchmarks").size(), 8u);
  const json& row = report.at("benchmarks").at(2);
  EXPECT_EQ(row.at("name"), "BM_Sort/1024");
  EXPECT_EQ(row.at("metric"), "real_time");
  EXPECT_EQ(row.at("base_n"), 10);
  EXPECT_EQ(row.at("head_n"), 10);
  EXPECT_DOUBLE_EQ(row.at("ratio").get<double>(), 1.2);
  EXPECT_DOUBLE_EQ(row.at("ci_low").get<double>(), 1.15);
  EXPECT_DOUBLE_EQ(row.at("ci_high").get<double>(), 1.26);
  EXPECT_DOUBLE_EQ(row.at("p_value").get<double>(), 0.0004);
  EXPECT_DOUBLE_EQ(row.at("p_adjusted").get<double>(), 0.0021);
  EXPECT_EQ(row.at("verdict"), "regression");
  EXPECT_DOUBLE_EQ(row.at("cv_base").get<double>(), 0.01);
  EXPECT_DOUBLE_EQ(row.at("cv_head").get<double>(), 0.01);
}

TEST(JsonReporter, KeepsTheComparisonsOrderAndEveryVerdictWord) {
  const json report = render(every_verdict());
  std::vector<std::string> words;
  for (const auto& row : report.at("benchmarks")) words.push_back(row.at("verdict"));
  EXPECT_EQ(words,
            (std::vector<std::string>{"unchanged", "improvement", "regression", "inconclusive",
                                      "untested", "new", "missing", "unchanged"}));
}

TEST(JsonReporter, UnboundedIntervalAndMissingValuesAreNull) {
  Comparison c;
  auto row = make_row("BM_Few", Verdict::kInconclusive, 1.1);
  row.ci_low = 0, row.ci_high = INFINITY;
  auto added = make_row("BM_New", Verdict::kNew, NAN);
  added.p_value.reset(), added.p_adjusted.reset();
  c.benchmarks = {row, added};
  const json report = render(c);
  EXPECT_EQ(report["benchmarks"][0]["ci_low"], 0.0);
  EXPECT_TRUE(report["benchmarks"][0]["ci_high"].is_null());
  EXPECT_TRUE(report["benchmarks"][1]["ratio"].is_null());
  EXPECT_TRUE(report["benchmarks"][1]["p_value"].is_null());
  EXPECT_TRUE(report["benchmarks"][1]["p_adjusted"].is_null());
}

TEST(JsonReporter, SingleRunIsMarkedAndPasses) {
  const json report = render(single_run_comparison());
  EXPECT_EQ(report.at("verdict"), "pass");
  EXPECT_EQ(report.at("single_run"), true);
  EXPECT_EQ(report.at("benchmarks").at(2).at("verdict"), "regression");
  EXPECT_EQ(report.at("benchmarks").at(2).at("single_run"), true);
}

TEST(JsonReporter, NoRows) {
  const json report = render(Comparison{});
  EXPECT_EQ(report.at("verdict"), "pass");
  EXPECT_TRUE(report.at("benchmarks").is_array());
  EXPECT_TRUE(report.at("benchmarks").empty());
}

TEST(JsonReporter, IndentedAndNewlineTerminated) {
  const std::string text = make_reporter("json")->render(every_verdict());
  EXPECT_EQ(text.substr(0, 4), "{\n  ");
  EXPECT_EQ(text.back(), '\n');
}

TEST(JsonReporter, InvalidUtf8InANameDoesNotAbortTheReport) {
  Comparison c;
  c.benchmarks = {make_row("BM_\xFF\xFE", Verdict::kUnchanged)};
  std::string text;
  ASSERT_NO_THROW(text = make_reporter("json")->render(c));
  EXPECT_EQ(json::parse(text)["benchmarks"][0]["name"], "BM_\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace benchgate::report
