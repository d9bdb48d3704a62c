// FrameTrie's own lookups: names and nodes found again after the tables grow and names spill
// into new blocks, checked against std::map; and the child index with and without a filter.
#include "profile/frame_trie.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace benchgate::profile {
namespace {

TEST(FrameTrie, NamesSurviveGrowthAndBlocks) {
  FrameTrie trie;
  std::map<std::string, NameId> expected;
  std::mt19937_64 random(3);
  // ~200k names of 1-120 bytes: the name table grows many times and the bytes fill several
  // blocks; plus the empty name and one longer than a block.
  std::vector<std::string> names = {"", std::string(5 << 20, 'x')};
  for (int i = 0; i < 200000; ++i) {
    names.push_back(std::to_string(i) +
                    std::string(random() % 120, static_cast<char>('a' + i % 26)));
  }
  for (const auto& name : names) expected.emplace(name, trie.intern(name));
  ASSERT_EQ(expected.size(), names.size());  // distinct names got distinct ids...
  std::set<NameId> ids;
  for (const auto& [name, id] : expected) ids.insert(id);
  EXPECT_EQ(ids.size(), names.size());
  for (const auto& [name, id] : expected) {  // ...that find them again, and give them back
    ASSERT_EQ(trie.intern(name), id) << name.substr(0, 40);
    ASSERT_EQ(trie.name(id), name) << name.substr(0, 40);
  }
  EXPECT_EQ(trie.name_count(), names.size() + 1);  // and the root's "all"
}

TEST(FrameTrie, NodesAreFoundAgainAfterGrowth) {
  FrameTrie trie;
  std::map<std::pair<NodeId, NameId>, NodeId> expected;
  std::mt19937_64 random(4);
  std::vector<NameId> names;
  for (int i = 0; i < 50; ++i) names.push_back(trie.intern("f" + std::to_string(i)));
  std::vector<NodeId> nodes = {kRootNode};
  for (int i = 0; i < 300000; ++i) {
    const NodeId parent = nodes[random() % nodes.size()];
    const NameId name = names[random() % names.size()];
    const NodeId node = trie.child(parent, name);
    const auto [it, added] = expected.emplace(std::pair(parent, name), node);
    ASSERT_EQ(it->second, node);
    if (added) nodes.push_back(node);
  }
  EXPECT_EQ(trie.size(), nodes.size());
  for (const auto& [key, node] : expected) {
    ASSERT_EQ(trie.child(key.first, key.second), node);
    EXPECT_EQ(trie.node(node).parent, key.first);
    EXPECT_EQ(trie.node(node).name, key.second);
    EXPECT_EQ(trie.depth(node), trie.depth(key.first) + 1);
  }
  EXPECT_EQ(trie.size(), nodes.size());  // looking up created nothing
}

TEST(FrameTrie, ChildIndexSortsByNameAndHonoursTheFilter) {
  FrameTrie trie;
  const NodeId main = trie.child(kRootNode, trie.intern("main"));
  const NodeId c = trie.child(main, trie.intern("c"));
  const NodeId a = trie.child(main, trie.intern("a"));
  const NodeId b = trie.child(main, trie.intern("b"));
  const NodeId a_inner = trie.child(a, trie.intern("inner"));
  const auto all = trie.child_index();
  EXPECT_THAT(std::vector<NodeId>(all.first(main), all.last(main)),
              ::testing::ElementsAre(a, b, c));
  EXPECT_THAT(std::vector<NodeId>(all.first(a), all.last(a)), ::testing::ElementsAre(a_inner));
  EXPECT_THAT(std::vector<NodeId>(all.first(kRootNode), all.last(kRootNode)),
              ::testing::ElementsAre(main));
  const auto without_b = trie.child_index([&](NodeId id) { return id != b && id != a_inner; });
  EXPECT_THAT(std::vector<NodeId>(without_b.first(main), without_b.last(main)),
              ::testing::ElementsAre(a, c));
  EXPECT_EQ(without_b.first(a), without_b.last(a));
  EXPECT_EQ(without_b.children.size(), 3u);  // main, a, c
}

// Self counts live in a sparse table: found again after it grows, zero for nodes without, and
// lookups after finish_loading() still find (and create) nodes.
TEST(FrameTrie, SelfCountsAndLookupsSurviveGrowthAndFinishLoading) {
  FrameTrie trie;
  const NameId f = trie.intern("f");
  std::vector<NodeId> chain = {kRootNode};
  for (int i = 0; i < 100000; ++i) chain.push_back(trie.child(chain.back(), f));
  for (std::size_t i = 1; i < chain.size(); i += 3) trie.add_samples(chain[i], kBase, i);
  for (std::size_t i = 1; i < chain.size(); i += 6) trie.add_samples(chain[i], kHead, 2);
  trie.finish_loading();
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const SideCounts expected{i % 3 == 1 ? i : 0, i % 6 == 1 ? 2u : 0u};
    ASSERT_EQ(trie.self(chain[i]), expected) << i;
    ASSERT_EQ(trie.child(chain[i - 1], f), chain[i]);
    if (i % 1000 == 0) {
      ASSERT_EQ(trie.depth(chain[i]), i);
    }
  }
  EXPECT_EQ(trie.size(), chain.size());
  EXPECT_EQ(trie.sampled_count(), (chain.size() + 1) / 3);
  const auto totals = trie.subtree_totals();
  EXPECT_EQ(totals[kRootNode][kBase], trie.total(kBase));
  EXPECT_EQ(totals[kRootNode][kHead], trie.total(kHead));
}

}  // namespace
}  // namespace benchgate::profile
