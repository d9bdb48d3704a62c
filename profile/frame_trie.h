#pragma once
// The in-memory form of a profile (or of two, for a diff): a trie of stack frames whose nodes
// are (parent, interned name) pairs. Every stage after parsing works on it: a 1M-line folded
// file repeats a few thousand distinct names millions of times, and the trie stores each name
// once and each shared stack prefix once.
//
// A node has a *self* count per side (samples whose leaf is this exact stack); totals (self plus
// descendants) are derived on demand. Side kBase holds a single profile; a diff loads the base
// into kBase and the head into kHead of the same trie so that matching paths are the same node.
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace benchgate::profile {

using NodeId = std::uint32_t;
using NameId = std::uint32_t;
inline constexpr NodeId kRootNode = 0;  // the synthetic "all" frame above every stack

enum Side : int { kBase = 0, kHead = 1 };
using SideCounts = std::array<std::uint64_t, 2>;

class FrameTrie {
 public:
  struct Node {
    NameId name;
    NodeId parent;
    std::uint32_t depth;  // root = 0, a stack's first frame = 1
    SideCounts self{};
  };

  FrameTrie();

  NameId intern(std::string_view name);
  std::string_view name(NameId id) const { return *names_[id]; }
  std::size_t name_count() const { return names_.size(); }

  // The child of `parent` called `name`, created when missing.
  NodeId child(NodeId parent, NameId name);
  void add_samples(NodeId node, Side side, std::uint64_t count) {
    nodes_[node].self[side] += count;
    totals_[side] += count;
  }

  const Node& node(NodeId id) const { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }
  std::uint64_t total(Side side) const { return totals_[side]; }

  // Self plus descendants, per node and side. Parents are created before their children, so
  // one reverse sweep over the node array sums every subtree.
  std::vector<SideCounts> subtree_totals() const;
  // Children of every node, sorted by name (FlameGraph's alphabetical order, which makes the
  // layout of two profiles comparable), as offsets into one array (CSR) to stay compact.
  struct ChildIndex {
    std::vector<std::uint32_t> begin;  // size() + 1 entries
    std::vector<NodeId> children;
    const NodeId* first(NodeId id) const { return children.data() + begin[id]; }
    const NodeId* last(NodeId id) const { return children.data() + begin[id + 1]; }
  };
  ChildIndex child_index() const;
  // Names from the root's child down to `id`.
  std::vector<NameId> path(NodeId id) const;

 private:
  // Open addressing on the key (parent << 32 | name): the child lookup is the hot loop of every
  // parser, and std::unordered_map's node-per-entry costs ~3x the memory at 10M nodes.
  std::vector<std::uint64_t> slot_keys_;
  std::vector<NodeId> slot_nodes_;
  std::size_t slot_mask_ = 0;
  void grow_slots();

  std::vector<Node> nodes_;
  std::deque<std::string> name_storage_;  // deque: references stay valid as it grows
  std::vector<const std::string*> names_;
  std::unordered_map<std::string_view, NameId> name_ids_;
  SideCounts totals_{};
};

}  // namespace benchgate::profile
