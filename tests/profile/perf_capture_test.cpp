// Real perf captures of tests/profile/programs/known_hotspot.cpp: the known hot function must
// top the folded profile, and the build where sum_squares is 8x slower must show it as the
// largest positive delta. Skipped, with perf's reason, where perf record is not permitted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/profile_diff.h"
#include "profile/profiler.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::perf_unavailable_reason;
using benchgate::testing::TempDir;
using benchgate::testing::test_program;

std::string top_self_function(const FrameTrie& trie, Side side) {
  std::vector<std::uint64_t> self(trie.name_count());
  for (NodeId id = 1; id < trie.size(); ++id) self[trie.node(id).name] += trie.self(id)[side];
  const auto top = std::max_element(self.begin(), self.end()) - self.begin();
  return std::string(trie.name(static_cast<NameId>(top)));
}

class PerfCapture : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto reason = perf_unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
  }
  // Records `program` (run for `seconds`) into `side` of `trie`.
  ProfileInfo record(const std::string& program, FrameTrie& trie, Side side) {
    CaptureOptions options;
    options.scratch_dir = scratch_.path();
    auto profiler = make_perf_profiler(options);
    EXPECT_EQ(profiler->unavailable_reason(), std::nullopt);
    auto profile = profiler->record({test_program(program).string(), "1.5"});
    // Copy into the shared trie: diffs need both sides in one trie.
    for (NodeId id = 1; id < profile.trie.size(); ++id) {
      if (profile.trie.self(id)[kBase] == 0) continue;
      NodeId node = kRootNode;
      for (auto name : profile.trie.path(id))
        node = trie.child(node, trie.intern(profile.trie.name(name)));
      trie.add_samples(node, side, profile.trie.self(id)[kBase]);
    }
    return profile.info;
  }
  TempDir scratch_{"benchgate-perf"};
};

TEST_F(PerfCapture, KnownHotFunctionIsOnTop) {
  FrameTrie trie;
  const auto info = record("profile_known_hotspot", trie, kBase);
  EXPECT_EQ(info.event, "cpu-clock");
  EXPECT_GT(info.samples, 100u);
  EXPECT_EQ(top_self_function(trie, kBase), "work::hash_rows<unsigned long>");
}

TEST_F(PerfCapture, SlowerFunctionIsTheLargestPositiveDelta) {
  FrameTrie trie;
  const auto base = record("profile_known_hotspot", trie, kBase);
  const auto head = record("profile_known_hotspot_slow", trie, kHead);
  const auto diff = diff_profiles(trie, base, head, {});
  ASSERT_FALSE(diff.top.empty());
  const auto grew = std::max_element(
      diff.top.begin(), diff.top.end(),
      [](const auto& a, const auto& b) { return a.delta_points < b.delta_points; });
  EXPECT_EQ(grew->name, "work::sum_squares");
  EXPECT_GT(grew->delta_points, 10.0);
}

TEST(PerfAvailability, MissingPerfIsExplained) {
  CaptureOptions options;
  options.perf_program = "/nonexistent/perf";
  const auto why = make_perf_profiler(options)->unavailable_reason();
  ASSERT_TRUE(why.has_value());
  EXPECT_THAT(*why, ::testing::HasSubstr("/nonexistent/perf` was not found"));
  EXPECT_THAT(*why, ::testing::HasSubstr("apt-get install linux-perf"));
}

}  // namespace
}  // namespace benchgate::profile
