// Catch2's --reporter xml, checked against real files written by Catch2 2.13.10 (Debian's
// catch2) and 3.7.1 (tests/data/ingest/catch2/, see its README); expected values come from the
// raw XML, pulled out with a regular expression rather than benchgate's reader.
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record.h"
#include "runner/xml_elements.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::load_error;

struct RawBenchmark {
  double samples, iterations, mean;
};

// Every <BenchmarkResults> with a <mean>, in file order, read with a regex.
std::vector<RawBenchmark> raw_benchmarks(const std::string& relative) {
  const std::string text = testing::read_file(ingest_fixture(relative));
  static const std::regex pattern(
      R"re(<BenchmarkResults[^>]* samples="([0-9]+)"[^>]* iterations="([0-9]+)"[^>]*>\s*)re"
      R"re(<!--[^>]*-->\s*<mean value="([^"]+)")re");
  std::vector<RawBenchmark> out;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3])});
  return out;
}

class IngestCatch2 : public ::testing::TestWithParam<std::string> {};

TEST_P(IngestCatch2, EachBenchmarkIsOneRepetitionOfTheMeanInOneProcess) {
  const std::string file = "catch2/" + GetParam() + "_basic.xml";
  const std::vector<RawBenchmark> raw = raw_benchmarks(file);
  ASSERT_EQ(raw.size(), 3u);
  RunRecord r = load_results(ingest_fixture(file));
  ASSERT_EQ(r.processes.size(), 1u);
  EXPECT_EQ(r.processes[0].source, ingest_fixture(file).string());
  EXPECT_EQ(r.processes[0].status, "ok");
  ASSERT_EQ(r.benchmarks.size(), 3u);
  // Test case, sections and BENCHMARK name, with XML's escapes decoded.
  EXPECT_EQ(r.benchmarks[0].name, "fibonacci/fib 15");
  EXPECT_EQ(r.benchmarks[1].name, "fibonacci/fib 18");
  EXPECT_EQ(r.benchmarks[2].name, "vector sum & <xml>/small/sum \"1000\"");
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const BenchmarkResult& b = r.benchmarks[i];
    EXPECT_THAT(b.process, ElementsAre(0));
    EXPECT_THAT(b.repetition, ElementsAre(0));
    EXPECT_THAT(b.iterations, ElementsAre(raw[i].samples * raw[i].iterations));
    EXPECT_THAT(*b.metric(kRealTime), ElementsAre(raw[i].mean)) << b.name;  // already ns
  }
}

TEST_P(IngestCatch2, TheBootstrapAnalysisChangesNothingButTheBounds) {
  const std::string file = "catch2/" + GetParam() + "_analysis.xml";
  const std::vector<RawBenchmark> raw = raw_benchmarks(file);
  RunRecord r = load_results(ingest_fixture(file));
  ASSERT_EQ(r.benchmarks.size(), raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i)
    EXPECT_THAT(*r.benchmarks[i].metric(kRealTime), ElementsAre(raw[i].mean));
}

TEST_P(IngestCatch2, ABenchmarkThatThrewIsAnErrorNotASample) {
  RunRecord r = load_results(ingest_fixture("catch2/" + GetParam() + "_failed.xml"));
  const BenchmarkResult* thrower = r.find("throws/thrower");
  ASSERT_NE(thrower, nullptr);
  EXPECT_EQ(thrower->sample_count(), 0u);
  ASSERT_EQ(thrower->errors.size(), 1u);
  EXPECT_EQ(thrower->errors[0].process, 0);
  EXPECT_THAT(thrower->errors[0].message, HasSubstr("boom <here>"));
  EXPECT_EQ(r.find("fibonacci/fib 15")->sample_count(), 1u);
}

TEST_P(IngestCatch2, DetectedByContentAndForcedByName) {
  const auto path = ingest_fixture("catch2/" + GetParam() + "_basic.xml");
  EXPECT_EQ(load_results(path, std::string("catch2")).benchmarks.size(), 3u);
  // Another format forced on XML: the JSON reader's refusal, naming the file.
  EXPECT_THAT(load_error(path, std::string("gbench")), HasSubstr(path.string()));
}

INSTANTIATE_TEST_SUITE_P(Versions, IngestCatch2, ::testing::Values("v2", "v3"));

TEST(IngestCatch2Process, VersionAndSeedAreKeptAsContext) {
  RunRecord r = load_results(ingest_fixture("catch2/v3_basic.xml"));
  EXPECT_EQ(r.processes[0].context["catch2-version"], "3.7.1");
  EXPECT_TRUE(r.processes[0].context.contains("rng-seed"));
}

TEST(IngestCatch2Process, ASectionRunTwiceGivesTwoRepetitions) {
  // A BENCHMARK outside a test case's two sections runs once per section (Catch2 re-enters the
  // test case for each): two repetitions of one benchmark in this process.
  testing::TempDir dir;
  const auto path = dir.path() / "twice.xml";
  testing::write_file(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<Catch2TestRun name="t">
  <TestCase name="tc">
    <BenchmarkResults name="b" samples="2" iterations="3"><mean value="10"/></BenchmarkResults>
    <Section name="one"/>
  </TestCase>
  <TestCase name="tc">
    <BenchmarkResults name="b" samples="2" iterations="3"><mean value="12.5"/></BenchmarkResults>
    <Section name="two"/>
  </TestCase>
</Catch2TestRun>
)");
  RunRecord r = load_results(path);
  ASSERT_EQ(r.benchmarks.size(), 1u);
  EXPECT_THAT(r.benchmarks[0].repetition, ElementsAre(0, 1));
  EXPECT_THAT(*r.benchmarks[0].metric(kRealTime), ElementsAre(10, 12.5));
  EXPECT_THAT(r.benchmarks[0].iterations, ElementsAre(6, 6));
}

// Malformed Catch2 files: InputError naming the file, the line and the attribute.
TEST(IngestCatch2Malformed, TruncatedFileNamesWhatIsNeverClosed) {
  const auto path = ingest_fixture("malformed/catch2_truncated.xml");
  EXPECT_THAT(load_error(path),
              AllOf(HasSubstr(path.string()),
                    HasSubstr(": line 14: the file ends inside a tag: is it cut short?")));
}

TEST(IngestCatch2Malformed, MeanThatIsNotANumber) {
  const auto path = ingest_fixture("malformed/catch2_bad_mean.xml");
  EXPECT_THAT(load_error(path), AllOf(HasSubstr(path.string() + ": line 6: <mean>"),
                                      HasSubstr("attribute `value`: \"fast\" is not a number")));
}

TEST(IngestCatch2Malformed, MissingIterations) {
  const auto path = ingest_fixture("malformed/catch2_no_iterations.xml");
  EXPECT_THAT(load_error(path),
              HasSubstr(path.string() +
                        ": line 5: <BenchmarkResults name=\"fib 15\">: attribute `iterations` "
                        "is missing"));
}

TEST(IngestCatch2Malformed, BadXmlNamesTheLine) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<Catch>\n<TestCase name=\"a\">\n</Catch>",
       "line 3: end tag `</Catch>` closes `<TestCase>` (line 2)"},
      {"<Catch>\n <X a=\"&bogus;\"/></Catch>", "line 2: `&bogus;` is not one of XML's predefined"},
      {"<Catch>\n\n <X a=1/></Catch>", "line 3: not well-formed (invalid token), column 7"},
      {"<Catch x=\"1\" x=\"2\"/>", "line 1: attribute `x` given twice"},
      {"<!DOCTYPE x><Catch/>", "not JSON (it begins `<!DOCTYPE"},
      {"<Catch/>", "no <BenchmarkResults>"},
      {"<Catch><TestCase name=\"t\"><BenchmarkResults name=\"b\" samples=\"1\" iterations=\"1\"/>"
       "</TestCase></Catch>",
       "line 1: <BenchmarkResults name=\"b\">: no <mean> element"},
      {"<Catch><TestCase name=\"t\"><BenchmarkResults name=\"b\" samples=\"0\" iterations=\"1\">"
       "<mean value=\"3\"/></BenchmarkResults></TestCase></Catch>",
       "attribute `samples`: \"0\" is not a positive integer"},
      {"<Catch><TestCase name=\"t\"><BenchmarkResults name=\"b\" samples=\"1\" iterations=\"1\">"
       "<mean value=\"-3\"/></BenchmarkResults></TestCase></Catch>",
       "attribute `value`: -3 is not a positive duration"},
  };
  for (const auto& [content, expected] : cases) {
    const auto path = dir.path() / "r.xml";
    testing::write_file(path, content);
    EXPECT_THAT(load_error(path), AllOf(HasSubstr(path.string()), HasSubstr(expected))) << content;
  }
}

// The message of the InputError parse_xml(text) throws, or "" when it parses.
std::string xml_error(std::string_view text) {
  try {
    parse_xml(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(IngestCatch2Malformed, DeepNestingIsRefusedNotFollowed) {
  std::string deep = "<Catch>";
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  EXPECT_EQ(xml_error(deep), "line 1: elements nested too deeply");
}

TEST(IngestCatch2Malformed, ADoctypeIsRefusedBeforeItsEntitiesAreRead) {
  // The "billion laughs": entities that expand to a billion copies of one string.
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE Catch [\n<!ENTITY a \"lol\">\n";
  for (char entity = 'b'; entity <= 'j'; ++entity) {
    std::string refs;
    for (int k = 0; k < 10; ++k) refs += fmt::format("&{};", static_cast<char>(entity - 1));
    laughs += fmt::format("<!ENTITY {} \"{}\">\n", entity, refs);
  }
  laughs += "]>\n<Catch x=\"&j;\"/>";
  EXPECT_EQ(xml_error(laughs), "line 2: a DOCTYPE declaration, which result files do not have");
}

TEST(IngestCatch2Malformed, AFileCutShortNamesTheElementLeftOpen) {
  EXPECT_EQ(xml_error("<Catch>\n  <TestCase name=\"t\">\n    <Section/>\n"),
            "line 4: the file ends inside `<TestCase>` (line 2): is it cut short?");
  EXPECT_EQ(xml_error(""), "line 1: no root element: the file is empty or has no tag");
  EXPECT_EQ(xml_error("<Catch/>\n<Catch/>"), "line 2: text after the root element's end tag");
}

TEST(IngestCatch2, ReferencesAreDecodedAndTextCommentsAndCdataSkipped) {
  const XmlElement root = parse_xml(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n"
      "<Catch a=\"&#x41;&#66;&amp;&lt;&gt;&quot;&apos;\" b='\"'>text<![CDATA[ <not/> ]]>"
      "<?pi x?>\n  <X name=\"caf&#xE9;\"/><!-- <Y/> --></Catch>\n");
  EXPECT_EQ(root.name, "Catch");
  EXPECT_EQ(root.line, 3u);
  ASSERT_NE(root.attribute("a"), nullptr);
  EXPECT_EQ(*root.attribute("a"), "AB&<>\"'");
  EXPECT_EQ(*root.attribute("b"), "\"");
  ASSERT_EQ(root.children.size(), 1u);
  EXPECT_EQ(root.children[0].name, "X");
  EXPECT_EQ(root.children[0].line, 4u);
  EXPECT_EQ(*root.children[0].attribute("name"), "caf\xC3\xA9");
  EXPECT_EQ(root.children[0].attribute("missing"), nullptr);
}

}  // namespace
}  // namespace benchgate::runner
