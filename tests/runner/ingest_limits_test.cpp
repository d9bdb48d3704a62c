// Small inputs that would make the reader allocate far more than their size: each test reads its
// input in a child whose address space may grow by a few MiB only (tests/support/memory_limit.h).
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/json_input.h"
#include "runner/gbench_format.h"
#include "tests/support/memory_limit.h"

namespace benchgate::runner {
namespace {
using testing::LimitedRun;

// `names` benchmarks, each one repetition with the largest index the format accepts.
std::string high_repetition_indices(int names) {
  std::string entries;
  for (int n = 0; n < names; ++n) {
    entries +=
        fmt::format(R"({}{{"name":"BM_{}","run_type":"iteration","repetition_index":1000000,)"
                    R"("iterations":1,"real_time":1,"cpu_time":1,"time_unit":"ns"}})",
                    n == 0 ? "" : ",", n);
  }
  return R"({"benchmarks":[)" + entries + "]}";
}

// Before, every name cost a vector of a million entries (8 MB): 64 names, 512 MB from 7 KB.
TEST(IngestLimits, HighRepetitionIndicesCostNoMoreThanTheEntries) {
  if (!testing::memory_limits_work()) GTEST_SKIP() << "RLIMIT_AS does not work under ASan";
  const std::string text = high_repetition_indices(64);
  ASSERT_LT(text.size(), 8192u);
  for (const bool fast : {true, false}) {
    const LimitedRun run = testing::run_with_memory_headroom(
        [&] {
          const RunRecord record =
              fast ? *GbenchFormat().read_text(text, "r.json")
                   : GbenchFormat().read(parse_json_text(text, "r.json"), "r.json");
          return fmt::format("{} {}", record.benchmarks.size(),
                             record.benchmarks.back().repetition.at(0));
        },
        std::size_t{64} << 20);
    EXPECT_EQ(run.ended, LimitedRun::Ended::returned) << (fast ? "read_text" : "read");
    EXPECT_EQ(run.text, "64 1000000");
  }
}

}  // namespace
}  // namespace benchgate::runner
