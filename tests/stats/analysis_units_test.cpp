// Grouping samples by process and reducing them to analysis units.
#include "stats/analysis_units.h"

#include <cmath>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {
using ::testing::ElementsAre;

TEST(AnalysisUnits, ProcessesInRuns) {
  // Process 0: 5 1 3 -> median 3; process 2: 10 30 -> median 20; process 7: 4 -> 4.
  const std::vector<int> process{0, 0, 0, 2, 2, 7};
  const std::vector<double> values{5, 1, 3, 30, 10, 4};
  ProcessGroups groups;
  std::vector<std::pair<int, double>> scratch;
  group_by_process(process, values, groups, scratch);
  EXPECT_EQ(groups.processes(), 3u);
  EXPECT_EQ(groups.samples(), 6u);
  std::vector<double> units;
  process_medians(groups, units);
  EXPECT_THAT(units, ElementsAre(3, 4, 20));  // sorted
  repetitions(groups, units);
  EXPECT_THAT(units, ElementsAre(1, 3, 4, 5, 10, 30));
}

TEST(AnalysisUnits, InterleavedProcessesAndNaN) {
  // The same samples, processes interleaved (as an interleaving runner may record them), with a
  // NaN that must not count as a sample nor shift the medians.
  const std::vector<int> process{2, 0, 7, 0, 2, 0, 7};
  const std::vector<double> values{30, 5, 4, 1, 10, 3, std::nan("")};
  ProcessGroups groups;
  std::vector<std::pair<int, double>> scratch;
  group_by_process(process, values, groups, scratch);
  EXPECT_EQ(groups.processes(), 3u);
  EXPECT_EQ(groups.samples(), 6u);
  std::vector<double> units;
  process_medians(groups, units);
  EXPECT_THAT(units, ElementsAre(3, 4, 20));
}

TEST(AnalysisUnits, MissingProcessColumnMeansOneProcess) {
  ProcessGroups groups;
  std::vector<std::pair<int, double>> scratch;
  group_by_process({}, std::vector<double>{3, 1, 2}, groups, scratch);
  EXPECT_EQ(groups.processes(), 1u);
  std::vector<double> units;
  repetitions(groups, units);
  EXPECT_THAT(units, ElementsAre(1, 2, 3));
}

}  // namespace
}  // namespace benchgate::stats
