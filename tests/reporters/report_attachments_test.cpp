// Every reporter renders the whole Report: the profile findings and the noise report reach the
// Markdown comment, the JSON and JUnit files and the console alike, and nothing a pull request
// controls (function and benchmark names) reaches the Markdown unescaped.
#include <cmath>
#include <limits>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reporters/profile_markdown.h"
#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"

namespace benchgate::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

FunctionDelta delta(std::string name, double points) {
  FunctionDelta d;
  d.name = std::move(name);
  d.base_samples = 100;
  d.head_samples = 200;
  d.base_share = 0.10;
  d.head_share = 0.10 + points / 100;
  d.delta_points = points;
  d.z = 5;
  return d;
}

Report report_with_findings() {
  Report report{testing::every_verdict()};
  ProfileFinding found;
  found.suite = "core";
  found.benchmark = "BM_Sort/1024";
  found.verdict = Verdict::kRegression;
  found.ratio = 1.2;
  found.metric = "real_time";
  found.svg_file = "flamegraphs/core-BM_Sort_1024.svg";
  found.head.event = "cpu-clock";
  found.head.samples = 1000;
  FunctionDeltas deltas;
  deltas.base.source = "commit aaa";
  deltas.head.source = "commit bbb";
  deltas.min_samples = 20;
  deltas.min_z = 3;
  deltas.functions_compared = 2;
  deltas.top = {delta("[evil](http://x) @team <b>#1</b>", 12.5), delta("memcpy", -3.0)};
  found.deltas = deltas;
  report.profiles.push_back(found);
  ProfileFinding alone;
  alone.suite = "core";
  alone.benchmark = "BM_Improvement";
  alone.verdict = Verdict::kImprovement;
  alone.ratio = 0.8;
  alone.head_only = HeadOnlyReason::kNoStoredBase;
  alone.head_only_detail = "0123456789ab";
  alone.testbed = "ci";
  alone.svg_file = "flamegraphs/core-BM_Improvement.svg";
  report.profiles.push_back(alone);
  report.profile_notes.push_back("BM_[x] was not profiled: the gate profiles the 10 largest only.");
  NoiseReport noise;
  noise.design = "paired t test on log(head/base) per round";
  noise.rows.push_back({"BM_Sort/1024", 8, 0.01, 0.02, 1.03, 0.05});
  noise.rows.push_back({"BM_Noisy", 8, 0.3, 0.4, std::numeric_limits<double>::infinity(), 0.05});
  report.noise = noise;
  return report;
}

TEST(ReportAttachments, MarkdownShowsTheSectionsWithEveryNameEscaped) {
  const std::string md = make_reporter("markdown")->render(report_with_findings());
  EXPECT_THAT(md,
              HasSubstr("Where the time went: <code>BM&#95;Sort/1024</code> (regression, +20.0% "
                        "real&#95;time)"));
  EXPECT_THAT(
      md,
      HasSubstr("no base profile stored for <code>0123456789ab</code> (testbed ci): showing head "
                "only"));
  EXPECT_THAT(md, HasSubstr("BM\\_\\[x\\] was not profiled"));
  // The function name: no link, no mention, no HTML survives.
  EXPECT_THAT(md, Not(HasSubstr("[evil]")));
  EXPECT_THAT(md, Not(HasSubstr("<b>")));
  EXPECT_THAT(md, Not(HasSubstr("@team")));
  EXPECT_THAT(md, HasSubstr("\\[evil\\]"));
  EXPECT_THAT(md, HasSubstr("flame graph in the report directory: "
                            "<code>flamegraphs/core-BM\\_Sort\\_1024.svg</code>"));
}

TEST(ReportAttachments, AForgeLinkReplacesTheFileName) {
  Report report = report_with_findings();
  report.profiles[0].svg_markdown = "![flame](https://example.invalid/upload.svg)";
  const std::string section = report::profile_section(report.profiles[0]);
  EXPECT_THAT(section, HasSubstr("![flame](https://example.invalid/upload.svg)"));
  EXPECT_THAT(section, Not(HasSubstr("in the report directory")));
}

TEST(ReportAttachments, JsonCarriesFindingsNotesAndNoise) {
  const auto json = nlohmann::json::parse(make_reporter("json")->render(report_with_findings()));
  ASSERT_EQ(json["profiles"].size(), 2u);
  EXPECT_EQ(json["profiles"][0]["benchmark"], "BM_Sort/1024");
  EXPECT_EQ(json["profiles"][0]["differential"], true);
  EXPECT_EQ(json["profiles"][0]["functions"]["top_functions"][0]["name"],
            "[evil](http://x) @team <b>#1</b>");  // data, as measured: escaping is for Markdown
  EXPECT_DOUBLE_EQ(json["profiles"][0]["functions"]["top_functions"][0]["delta_points"], 12.5);
  EXPECT_EQ(json["profiles"][1]["head_only"], "no_stored_base");
  EXPECT_EQ(json["profile_notes"].size(), 1u);
  EXPECT_EQ(json["noise"]["benchmarks"][1]["detectable_change"], nullptr);
  EXPECT_EQ(json["noise"]["benchmarks"][1]["gateable"], false);
  // A comparison without attachments keeps exactly the old document.
  const auto plain = nlohmann::json::parse(make_reporter("json")->render(testing::every_verdict()));
  EXPECT_FALSE(plain.contains("profiles"));
  EXPECT_FALSE(plain.contains("noise"));
}

TEST(ReportAttachments, JunitPutsTheFindingOnItsTestcase) {
  const std::string xml = make_reporter("junit")->render(report_with_findings());
  EXPECT_THAT(
      xml,
      HasSubstr("<property name=\"profile_svg\" value=\"flamegraphs/core-BM_Sort_1024.svg\"/>"));
  EXPECT_THAT(xml, HasSubstr("+12.50 pp [evil](http://x) @team &lt;b&gt;#1&lt;/b&gt;"));
  EXPECT_THAT(xml, HasSubstr("where the time went (flamegraphs/core-BM_Sort_1024.svg)"));
  EXPECT_THAT(xml, HasSubstr("name=\"profile_note\""));
  EXPECT_THAT(xml, Not(HasSubstr("<b>")));
}

TEST(ReportAttachments, ConsoleListsTheTopFunctionsAndTheNoiseTable) {
  const std::string text = make_reporter("console")->render(report_with_findings());
  EXPECT_THAT(text, HasSubstr("Where the time went:"));
  EXPECT_THAT(text, HasSubstr("+12.50 pp  [evil](http://x) @team <b>#1</b>"));
  EXPECT_THAT(text, HasSubstr("head only"));
  EXPECT_THAT(text, HasSubstr("Noise in this job"));
  EXPECT_THAT(text, HasSubstr("too noisy to gate"));
}

}  // namespace
}  // namespace benchgate::report
