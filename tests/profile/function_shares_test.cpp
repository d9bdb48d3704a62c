// Function self and total counts (profile/function_shares.h): the recursion rule of totals (a
// function counts each sample once, however often it recurses on the stack), checked against
// counts worked out by hand.
#include "profile/function_shares.h"

#include <gtest/gtest.h>

#include "tests/profile/profile_test_util.h"

namespace benchgate::profile {
namespace {

using benchgate::testing::add_stack;

TEST(FunctionCounts, RecursionCountsEachSampleOnce) {
  FrameTrie trie;
  add_stack(trie, {"main", "walk", "walk", "walk", "leaf"}, kBase, 10);
  add_stack(trie, {"main", "walk", "visit", "walk"}, kBase, 5);
  add_stack(trie, {"main", "walk"}, kHead, 7);
  add_stack(trie, {"main", "other"}, kHead, 3);
  trie.finish_loading();
  const auto functions = function_counts(trie);
  const auto of = [&](const char* name) { return functions[trie.intern(name)]; };
  EXPECT_EQ(of("walk").total, (SideCounts{15, 7}));  // not 10 x 3 + 5 x 2
  EXPECT_EQ(of("walk").self, (SideCounts{5, 7}));
  EXPECT_EQ(of("main").total, (SideCounts{15, 10}));
  EXPECT_EQ(of("leaf").total, (SideCounts{10, 0}));
  EXPECT_EQ(of("visit").total, (SideCounts{5, 0}));
  EXPECT_EQ(of("visit").self, (SideCounts{0, 0}));
  EXPECT_EQ(of("other").total, (SideCounts{0, 3}));
  EXPECT_EQ(of("all").total, (SideCounts{15, 10}));  // the root: every sample
}

// A frame really called "all" shares the root's name: its samples count for the root and again
// for the frame (the diff tells the two apart only by self share).
TEST(FunctionCounts, AFrameNamedAllCountsBesidesTheRoot) {
  FrameTrie trie;
  add_stack(trie, {"all", "work", "all"}, kBase, 4);
  add_stack(trie, {"main"}, kBase, 6);
  const auto functions = function_counts(trie);
  EXPECT_EQ(functions[trie.intern("all")].total, (SideCounts{14, 0}));
  EXPECT_EQ(functions[trie.intern("all")].self, (SideCounts{4, 0}));
  EXPECT_EQ(functions[trie.intern("work")].total, (SideCounts{4, 0}));
}

}  // namespace
}  // namespace benchgate::profile
