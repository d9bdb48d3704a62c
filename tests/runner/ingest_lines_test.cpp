// Result lines (runner/lines_format.h): a number, or name,value[,unit], per line.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::load_error;

TEST(IngestLines, BareNumbersAreRepetitionsOfTheBenchmarkNamedAfterTheFile) {
  testing::TempDir dir;
  const auto path = dir / "startup.txt";
  testing::write_file(path, "# ns per run\n1500\n\n1250.5\r\n1e3\n");
  RunRecord r = load_results(path);
  ASSERT_EQ(r.processes.size(), 1u);
  ASSERT_EQ(r.benchmarks.size(), 1u);
  EXPECT_EQ(r.benchmarks[0].name, "startup");
  EXPECT_THAT(r.benchmarks[0].repetition, ElementsAre(0, 1, 2));
  EXPECT_THAT(*r.benchmarks[0].metric(kRealTime), ElementsAre(1500, 1250.5, 1000));
}

TEST(IngestLines, CsvNamesTheBenchmarkAndTheUnit) {
  testing::TempDir dir;
  const auto path = dir / "r.csv";
  testing::write_file(path, "parse, 2.5, us\nrender,3,ms\nparse,2000\nload,1,s\n");
  RunRecord r = load_results(path);
  ASSERT_EQ(r.benchmarks.size(), 3u);
  EXPECT_THAT(*r.find("parse")->metric(kRealTime), ElementsAre(2500, 2000));
  EXPECT_THAT(r.find("parse")->repetition, ElementsAre(0, 1));
  EXPECT_THAT(*r.find("render")->metric(kRealTime), ElementsAre(3e6));
  EXPECT_THAT(*r.find("load")->metric(kRealTime), ElementsAre(1e9));
}

TEST(IngestLines, UnreadableLinesAreNamedByLineAndField) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1\n2\nfast\n", "line 3: the number: \"fast\" is not a number"},
      {"a,1\nb,x\n", "line 2: field 2 (value): \"x\" is not a number"},
      {"a,1,furlongs\n", "line 1: field 3 (unit): \"furlongs\" is not a time unit"},
      {"a,1\n,2\n", "line 2: field 1 (name) is empty"},
      {"a,1\na,1,ns,extra\n", "line 2: 4 fields"},
      {"5\n-5\n", "line 2: the number: -5 is not a positive duration"},
      {"1\n2\nnan\n", "line 3: the number: \"nan\" is not a number"},
  };
  for (const auto& [content, expected] : cases) {
    const auto path = dir / "r.txt";
    testing::write_file(path, content);
    EXPECT_THAT(load_error(path), AllOf(HasSubstr(path.string() + ": "), HasSubstr(expected)))
        << content;
  }
  // Forced, a file of comments only says there are no results.
  testing::write_file(dir / "empty.txt", "# nothing\n");
  EXPECT_THAT(load_error(dir / "empty.txt", std::string("lines")), HasSubstr("no result lines"));
}

TEST(IngestLines, OtherFormatsAreNotTakenForLines) {
  // Google Benchmark's CSV header has four and more fields; JSON starts with a brace.
  testing::TempDir dir;
  testing::write_file(dir / "gb.csv",
                      "name,iterations,real_time,cpu_time,time_unit\nBM_a,1,2,3,ns\n");
  EXPECT_THAT(load_error(dir / "gb.csv"), HasSubstr("Google Benchmark's CSV output"));
  EXPECT_EQ(load_results(testing::ingest_fixture("gbench/single.json")).processes.size(), 1u);
}

}  // namespace
}  // namespace benchgate::runner
