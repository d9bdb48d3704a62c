#include "store/record_lines.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/store/git_fixture.h"

namespace benchgate::store {
namespace {
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(RecordLines, UnionKeepsOrderAndCollapsesExactDuplicates) {
  EXPECT_THAT(union_lines({"a", "b"}, {"b", "c", "c", "a", "d"}), ElementsAre("a", "b", "c", "d"));
}

TEST(RecordLines, ThreeWayKeepsAdditionsOfBothSidesAndHonoursDeletions) {
  // base {a,b,c}; ours deleted b and added x; theirs deleted c and added y.
  EXPECT_THAT(merge_lines_three_way({"a", "b", "c"}, {"a", "c", "x"}, {"a", "b", "y"}),
              ElementsAre("a", "x", "y"));
  // Without a base every line is an addition: plain union.
  EXPECT_THAT(merge_lines_three_way({}, {"a"}, {"b", "a"}), ElementsAre("a", "b"));
}

TEST(RecordLines, SplitIgnoresBlankLinesAndCarriageReturns) {
  EXPECT_THAT(split_lines("a\r\n\nb\n"), ElementsAre("a", "b"));
  EXPECT_EQ(join_lines({"a", "b"}), "a\nb\n");
}

TEST(RecordLines, CorruptLineIsReportedWithCommitAndLineAndOthersStayReadable) {
  std::string good = record_to_line(testing::make_record("ci", "x"));
  std::string text = good + "\n\n" + good.substr(0, good.size() / 2) +
                     "\n{\"schema\":\"benchgate.run/1\"}\n" +
                     record_to_line(testing::make_record("ci", "y")) + "\n";
  ParsedRecords parsed = parse_record_lines(text, "abc");
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[1].benchmarks[0].name, "BM_Store/y");
  ASSERT_EQ(parsed.problems.size(), 2u);
  EXPECT_EQ(parsed.problems[0].line, 3);  // physical line numbers: line 2 is blank
  EXPECT_EQ(parsed.problems[1].line, 4);
  EXPECT_THAT(parsed.problems[0].describe(), HasSubstr("commit abc, line 3"));
  EXPECT_THAT(parsed.problems[1].message, HasSubstr("processes"));
}

TEST(RecordLines, InvalidRecordIsRefusedBeforeSerialisingIt) {
  RunRecord r = testing::make_record("ci", "x");
  r.benchmarks[0].metrics["real_time"].push_back(1.0);  // ragged column
  EXPECT_THROW(record_to_line(r), InputError);
}

}  // namespace
}  // namespace benchgate::store
