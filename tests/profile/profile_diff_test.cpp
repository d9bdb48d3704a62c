// Diff: shares, deltas and the noise rule against hand-computed values.
#include "profile/profile_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/report_json.h"
#include "profile/diff_summary.h"
#include "reporters/profile_markdown.h"
#include "tests/profile/profile_test_util.h"

namespace benchgate::profile {
namespace {

using benchgate::testing::add_stack;

ProfileInfo info(const char* source, const char* event = "cpu-clock") {
  ProfileInfo i;
  i.source = source;
  i.event = event;
  return i;
}

TEST(ProfileDiff, SelfSharesAndTimeDeltas) {
  FrameTrie trie;
  // base: 1000 samples: parse 600 (via two callers: 400 + 200), emit 400
  add_stack(trie, {"main", "parse"}, kBase, 400);
  add_stack(trie, {"main", "load", "parse"}, kBase, 200);
  add_stack(trie, {"main", "emit"}, kBase, 400);
  // head: 2000 samples: parse 1000, emit 1000 (shares 50/50); tiny: 5 -> 10 samples
  add_stack(trie, {"main", "parse"}, kHead, 1000);
  add_stack(trie, {"main", "emit"}, kHead, 990);
  add_stack(trie, {"main", "tiny"}, kHead, 10);
  add_stack(trie, {"main", "tiny"}, kBase, 0);
  // Without the time ratio: shares. parse 0.6 -> 0.5 = -10 pp; emit 0.4 -> 0.495 = +9.5 pp; the
  // z of the two-proportion test (pooled) by hand.
  const auto by_share = diff_profiles(trie, info("b"), info("h"), DiffOptions{});
  ASSERT_EQ(by_share.top.size(), 2u);
  EXPECT_EQ(by_share.top[0].name, "parse");
  EXPECT_NEAR(by_share.top[0].delta_points, -10.0, 1e-9);
  EXPECT_EQ(by_share.top[1].name, "emit");
  EXPECT_NEAR(by_share.top[1].delta_points, 9.5, 1e-9);
  const double p = 1390.0 / 3000.0;
  EXPECT_NEAR(by_share.top[1].z, 0.095 / std::sqrt(p * (1 - p) * (1.0 / 1000 + 1.0 / 2000)), 1e-9);
  // "tiny" (0 -> 10 samples, 0.5 pp) is below min_samples: not listed, but counted.
  EXPECT_EQ(by_share.functions_below_noise, 1u);
  EXPECT_EQ(by_share.functions_compared, 3u);  // parse, emit, tiny ("main", "load" have no self)

  // With the time ratio (head took 1.2x as long) the change is one of time: emit 0.495 * 1.2 -
  // 0.4 = +19.4% of base time; parse 0.5 * 1.2 - 0.6 = 0, its time unchanged, so it is below
  // the noise rule and left out like tiny. z by hand, unpooled with the ratio.
  DiffOptions options;
  options.time_ratio = 1.2;
  options.base_time_ns = 1000;
  const auto diff = diff_profiles(trie, info("b"), info("h"), options);
  ASSERT_EQ(diff.top.size(), 1u);
  EXPECT_EQ(diff.top[0].name, "emit");
  EXPECT_NEAR(diff.top[0].delta_points, 9.5, 1e-9);
  EXPECT_NEAR(*diff.top[0].time_delta_of_base, 0.495 * 1.2 - 0.4, 1e-12);
  EXPECT_NEAR(*diff.top[0].time_delta_ns, 194.0, 1e-9);
  EXPECT_NEAR(diff.top[0].z,
              (0.495 * 1.2 - 0.4) / std::sqrt(1.44 * 0.495 * 0.505 / 2000 + 0.4 * 0.6 / 1000),
              1e-9);
  EXPECT_EQ(diff.functions_below_noise, 1u);  // tiny; parse did not change at all
  const auto markdown = report::function_delta_table(function_deltas(diff));
  EXPECT_THAT(markdown,
              ::testing::HasSubstr("| emit | 40.00% | 49.50% | +9.50 | +19.40% | +194.0 |"));
  const auto json = nlohmann::json::parse(function_deltas_json_text(function_deltas(diff)));
  EXPECT_EQ(json["top_functions"][0]["name"], "emit");
  EXPECT_NEAR(json["top_functions"][0]["delta_points"].get<double>(), 9.5, 1e-9);
}

std::vector<std::string> names(const ProfileDiff& diff) {
  std::vector<std::string> out;
  for (const auto& f : diff.top) out.push_back(f.name);
  return out;
}

TEST(ProfileDiff, SmallButSignificantChangesNeedEnoughSamples) {
  FrameTrie trie;
  add_stack(trie, {"main"}, kBase, 100);
  add_stack(trie, {"main"}, kHead, 100);
  add_stack(trie, {"main", "rare"}, kHead, 19);  // |z| is large, but 19 < 20 samples
  DiffOptions options;
  EXPECT_THAT(names(diff_profiles(trie, info("b"), info("h"), options)),
              ::testing::ElementsAre("main"));
  options.min_samples = 19;
  EXPECT_THAT(names(diff_profiles(trie, info("b"), info("h"), options)),
              ::testing::ElementsAre("main", "rare"));
}

TEST(ProfileDiff, RefusesDifferentEvents) {
  FrameTrie trie;
  try {
    diff_profiles(trie, info("b.folded", "cpu-clock"), info("h.folded", "cycles"), {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("'cpu-clock'"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("'cycles'"));
  }
  EXPECT_NO_THROW(diff_profiles(trie, info("b", ""), info("h", "cycles"), {}));  // unknown matches
}

}  // namespace
}  // namespace benchgate::profile
