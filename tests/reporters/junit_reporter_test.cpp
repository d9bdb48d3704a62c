// The JUnit report is read by GitLab and CI servers with real XML parsers, so these tests read it
// with one too: Python's xml.dom.minidom (expat) in a child process, which rejects anything that
// is not well-formed XML.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"
#include "tests/support/hostile_text.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::report {
namespace {
using nlohmann::json;
using testing::every_verdict;
using ::testing::HasSubstr;
using testing::make_row;
using testing::single_run_comparison;

// Parses the XML file argv[1] and prints what a CI server would take from it, as JSON.
constexpr const char* kReadJunit = R"PY(
import json, sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
def text(node):
    return "".join(n.data for n in node.childNodes if n.nodeType == n.TEXT_NODE)
def counts(node):
    return {k: int(node.getAttribute(k)) for k in ("tests", "failures", "errors", "skipped")}
cases = []
for case in doc.getElementsByTagName("testcase"):
    outcome, message, body = "passed", "", ""
    for tag in ("failure", "skipped", "error"):
        found = case.getElementsByTagName(tag)
        if found:
            outcome, message, body = tag, found[0].getAttribute("message"), text(found[0])
    out = case.getElementsByTagName("system-out")
    if out: body = text(out[0])
    props = {p.getAttribute("name"): p.getAttribute("value") for p in case.getElementsByTagName("property")}
    cases.append({"classname": case.getAttribute("classname"), "name": case.getAttribute("name"),
                  "outcome": outcome, "message": message, "body": body, "properties": props})
suite = doc.getElementsByTagName("testsuite")[0]
suite_props = [(p.getAttribute("name"), p.getAttribute("value"))
               for p in suite.getElementsByTagName("properties")[0].childNodes
               if p.nodeType == p.ELEMENT_NODE]
print(json.dumps({"root": counts(doc.documentElement), "suite": counts(suite),
                  "suite_name": suite.getAttribute("name"), "suite_properties": suite_props,
                  "cases": cases}))
)PY";

// Renders `c` as JUnit, writes it to a file and reads it back with the XML parser.
json parse_with_python(const Comparison& c) {
  testing::TempDir dir("benchgate-junit");
  const auto path = dir / "report.xml";
  testing::write_file(path, make_reporter("junit")->render(c));
  const auto result = testing::run_process({"/usr/bin/python3", "-c", kReadJunit, path.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err << "\n" << testing::read_file(path);
  return result.exit_code == 0 ? json::parse(result.out) : json::object();
}

const json& case_named(const json& report, std::string_view name) {
  for (const auto& c : report.at("cases"))
    if (c.at("name") == name) return c;
  throw std::runtime_error("no testcase " + std::string(name));
}

TEST(JunitReporter, OneTestcasePerBenchmarkWithCountsThatAddUp) {
  const json report = parse_with_python(every_verdict());
  ASSERT_EQ(report.at("cases").size(), 8u);
  const json expected = {{"tests", 8}, {"failures", 1}, {"errors", 0}, {"skipped", 3}};
  EXPECT_EQ(report.at("suite"), expected);
  EXPECT_EQ(report.at("root"), expected);
  EXPECT_EQ(report.at("suite_name"), "benchgate compare real_time");
  for (const auto& c : report.at("cases")) EXPECT_EQ(c.at("classname"), "real_time");
}

TEST(JunitReporter, ConfirmedRegressionIsAFailureWithRatioIntervalAndP) {
  const json report = parse_with_python(every_verdict());
  const json& sort = case_named(report, "BM_Sort/1024");
  EXPECT_EQ(sort.at("outcome"), "failure");
  EXPECT_EQ(sort.at("message"), "regression: +20.0% [+15.0%, +26.0%], p (Holm) = 0.002");
  EXPECT_THAT(sort.at("body").get<std::string>(),
              HasSubstr("base 1.23 µs (n = 10), head 1.48 µs (n = 10), process-medians"));
  EXPECT_EQ(sort.at("properties").at("verdict"), "regression");
  EXPECT_EQ(sort.at("properties").at("p_adjusted"), "0.0021");
}

TEST(JunitReporter, UntestedNewAndMissingAreSkippedWithTheReason) {
  const json report = parse_with_python(every_verdict());
  EXPECT_EQ(case_named(report, "BM_Once").at("outcome"), "skipped");
  EXPECT_EQ(case_named(report, "BM_Once").at("message"), "untested: +30.0%");
  EXPECT_EQ(case_named(report, "BM_New").at("message"), "new");
  const json& gone = case_named(report, "BM_Gone");
  EXPECT_EQ(gone.at("outcome"), "skipped");
  EXPECT_THAT(gone.at("body").get<std::string>(), HasSubstr("error: head: benchmark crashed"));
}

TEST(JunitReporter, EverythingElsePassesWithAnExplanation) {
  const json report = parse_with_python(every_verdict());
  for (std::string name : {"BM_Hash/64", "BM_Unchanged/8", "BM_StringBuild", "BM_Unchanged/64"})
    EXPECT_EQ(case_named(report, name).at("outcome"), "passed") << name;
  EXPECT_EQ(case_named(report, "BM_StringBuild").at("body"),
            "inconclusive: +4.0% [-2.0%, +11.0%], p (Holm) = 0.900\n"
            "base 1.00 µs (n = 10), head 1.04 µs (n = 10), process-medians\n"
            "the interval straddles the threshold\n"
            "about 14 processes per side would catch a true change of 5.0% with 80% power");
}

TEST(JunitReporter, SingleRunRegressionIsSkippedUnlessTrusted) {
  Comparison c = single_run_comparison();
  json report = parse_with_python(c);
  EXPECT_EQ(report.at("suite").at("failures"), 0);
  EXPECT_EQ(report.at("suite").at("skipped"), 4);
  const json& sort = case_named(report, "BM_Sort/1024");
  EXPECT_EQ(sort.at("outcome"), "skipped");
  EXPECT_EQ(sort.at("message"),
            "regression (unconfirmed): +20.0% [+15.0%, +26.0%], p (Holm) = 0.002");
  EXPECT_THAT(report.at("suite_properties").dump(), HasSubstr("regressions unconfirmed"));

  c.settings.trust_single_run = true;
  report = parse_with_python(c);
  EXPECT_EQ(report.at("suite").at("failures"), 1);
  EXPECT_EQ(case_named(report, "BM_Sort/1024").at("outcome"), "failure");
}

TEST(JunitReporter, FailOnNeverStillShowsTheRegression) {
  Comparison c = every_verdict();
  c.settings.fail_on_regression = false;
  const json report = parse_with_python(c);
  EXPECT_EQ(report.at("suite").at("failures"), 1);
  EXPECT_THAT(report.at("suite_properties").dump(), HasSubstr("[\"verdict\",\"pass\"]"));
}

TEST(JunitReporter, SpecialCharactersAreEscapedAndControlsRemoved) {
  Comparison c;
  c.settings.metric = "items<&>";
  c.base_label = "a\"b'c";
  auto row = make_row("BM_<a & b>\"'x]]></testcase>\x01\x1b[0m\x7f\n", Verdict::kRegression, 1.2);
  row.metric = "items<&>";
  row.errors = {"stderr: <boom> & \x02 \xFF"};
  c.benchmarks = {row, make_row("&amp; <!-- -->", Verdict::kMissing, NAN)};
  const json report = parse_with_python(c);
  ASSERT_EQ(report.at("cases").size(), 2u);
  const json& first = report.at("cases").at(0);
  EXPECT_EQ(first.at("name"), "BM_<a & b>\"'x]]></testcase>[0m ");
  EXPECT_EQ(first.at("classname"), "items<&>");
  EXPECT_THAT(first.at("body").get<std::string>(), HasSubstr("error: stderr: <boom> &  \uFFFD"));
  EXPECT_EQ(report.at("cases").at(1).at("name"), "&amp; <!-- -->");
  EXPECT_EQ(report.at("suite_name"), "benchgate compare items<&>");
}

TEST(JunitReporter, NoRowsIsAnEmptyButValidSuite) {
  const json report = parse_with_python(Comparison{});
  const json expected = {{"tests", 0}, {"failures", 0}, {"errors", 0}, {"skipped", 0}};
  EXPECT_EQ(report.at("suite"), expected);
}

// Property: random byte strings as benchmark, metric and label names, errors and notes still give
// a JUnit file that is valid UTF-8 and well-formed XML.
TEST(JunitReporter, RandomByteNamesStillGiveValidUtf8Xml) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const auto names = testing::hostile_strings(20, seed);
    Comparison c = every_verdict();
    for (std::size_t i = 0; i < c.benchmarks.size(); ++i) {
      c.benchmarks[i].name = names[i];
      c.benchmarks[i].note = names[i + 1];
      c.benchmarks[i].errors = {names[i + 2]};
    }
    c.settings.metric = names[12];
    c.base_label = names[13];
    c.head_label = names[14];
    c.method = names[15];
    c.warnings = {names[16]};
    const std::string xml = make_reporter("junit")->render(c);
    EXPECT_EQ(testing::xml_problem(xml), "") << "seed " << seed;
  }
}

}  // namespace
}  // namespace benchgate::report
