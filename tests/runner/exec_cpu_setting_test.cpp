// `cpus`: the setting's syntax, and what "auto" means for a job (one CPU, the highest allowed,
// unless the suite may use threads or benchgate has only one CPU anyway).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "runner/cpu_setting.h"

namespace benchgate::runner {
namespace {

using ::testing::HasSubstr;
using Kind = CpuSetting::Kind;

const std::vector<int> kFour = {0, 1, 2, 3};

std::string parse_error(const std::string& text, const std::vector<int>& allowed = kFour) {
  try {
    parse_cpu_setting(text, allowed);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CpuSetting, ParsesAutoNoneAndListsOfCpusAndRanges) {
  EXPECT_EQ(parse_cpu_setting("auto", kFour), CpuSetting{});
  EXPECT_EQ(parse_cpu_setting("none", kFour).kind, Kind::kNone);
  EXPECT_EQ(parse_cpu_setting("0", kFour), (CpuSetting{Kind::kList, {0}}));
  EXPECT_EQ(parse_cpu_setting("2-3", kFour), (CpuSetting{Kind::kList, {2, 3}}));
  EXPECT_EQ(parse_cpu_setting("3,0,2-3", kFour), (CpuSetting{Kind::kList, {0, 2, 3}}));
  EXPECT_EQ(to_string(parse_cpu_setting("3,0,1", kFour)), "0-1,3");
  EXPECT_EQ(to_string(CpuSetting{}), "auto");
  EXPECT_EQ(to_string(CpuSetting{Kind::kNone, {}}), "none");
}

TEST(CpuSetting, RejectsBadSyntaxAndCpusBenchgateMayNotUse) {
  for (const char* bad : {"", "Auto", "1,", ",1", "1-", "-1", "a", "1 2", "0x1", "1-2-3"})
    EXPECT_THAT(parse_error(bad), HasSubstr("expected auto, none or a list of CPUs")) << bad;
  EXPECT_THAT(parse_error("3-2"), HasSubstr("the range 3-2 runs backwards"));
  EXPECT_THAT(parse_error("1", {0, 2, 3}),
              HasSubstr("\"1\": CPU 1 is not one benchgate may use (allowed: 0,2-3)"));
  EXPECT_THAT(parse_error("2-5"), HasSubstr("CPU 4 is not one benchgate may use (allowed: 0-3)"));
}

TEST(CpuSetting, MultiThreadedNamesHaveThreadsAboveOne) {
  EXPECT_TRUE(is_multi_threaded("BM_Sort/threads:2"));
  EXPECT_TRUE(is_multi_threaded("BM_Sort/1024/threads:16/real_time"));
  EXPECT_FALSE(is_multi_threaded("BM_Sort/threads:1"));
  EXPECT_FALSE(is_multi_threaded("BM_Sort/1024"));
  EXPECT_FALSE(is_multi_threaded("BM_threads:4"));
}

TEST(CpuSetting, AutoPinsGbenchSuitesToTheHighestAllowedCpu) {
  const std::set<std::string> single = {"BM_A", "BM_B/64", "BM_C/threads:1"};
  auto choice = choose_cpus(CpuSetting{}, true, single, {0, 2, 5});
  EXPECT_EQ(choice.cpus, std::vector<int>{5});
  EXPECT_EQ(choice.unpinned_because, "");
  EXPECT_EQ(cpus_context_value(choice.cpus), "5");
}

TEST(CpuSetting, AutoLeavesUnpinnedAndSaysWhy) {
  auto one_cpu = choose_cpus(CpuSetting{}, true, {"BM_A"}, {3});
  EXPECT_FALSE(one_cpu.cpus);
  EXPECT_THAT(one_cpu.unpinned_because, HasSubstr("may use only CPU 3 anyway"));
  auto threaded = choose_cpus(CpuSetting{}, true, {"BM_A", "BM_B/threads:4"}, kFour);
  EXPECT_FALSE(threaded.cpus);
  EXPECT_THAT(threaded.unpinned_because, HasSubstr("BM_B/threads:4 is multi-threaded"));
  auto command = choose_cpus(CpuSetting{}, false, {}, kFour);
  EXPECT_FALSE(command.cpus);
  EXPECT_THAT(command.unpinned_because,
              HasSubstr("a suite that is not Google Benchmark's may run threads"));
  EXPECT_EQ(cpus_context_value(command.cpus), "none");
}

TEST(CpuSetting, NoneAndListsAreTakenAsTheyAre) {
  const std::set<std::string> threaded = {"BM_B/threads:4"};
  auto none = choose_cpus(CpuSetting{Kind::kNone, {}}, true, {"BM_A"}, kFour);
  EXPECT_FALSE(none.cpus);
  EXPECT_EQ(none.unpinned_because, "") << "asked for: nothing to say";
  auto list = choose_cpus(CpuSetting{Kind::kList, {1, 2}}, false, threaded, kFour);
  EXPECT_EQ(list.cpus, (std::vector<int>{1, 2}));
  EXPECT_EQ(cpus_context_value(list.cpus), "1-2");
}

}  // namespace
}  // namespace benchgate::runner
