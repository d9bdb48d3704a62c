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
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
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
  std::string_view name(NameId id) const { return stored_name(names_[id]); }
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
  // layout of two profiles comparable), as offsets into one array (CSR) to stay compact. With
  // `listed`, only the nodes it accepts appear as children (the renderer leaves out frames too
  // narrow to draw, which on unique stacks are nearly all of them).
  struct ChildIndex {
    std::vector<std::uint32_t> begin;  // size() + 1 entries
    std::vector<NodeId> children;
    const NodeId* first(NodeId id) const { return children.data() + begin[id]; }
    const NodeId* last(NodeId id) const { return children.data() + begin[id + 1]; }
  };
  ChildIndex child_index(const std::function<bool(NodeId)>& listed = {}) const;
  // Names from the root's child down to `id`.
  std::vector<NameId> path(NodeId id) const;

 private:
  // Both lookups are open addressing with linear probing, kept below half full, and allocate
  // nothing per entry: with unique stacks a 1M-line profile has ~7M nodes, and per-entry
  // allocations (std::unordered_map, one std::string per name) would cost more than the names.
  // Node slots hold only the node id; the key is read back from the node.
  std::vector<NodeId> node_slots_;  // 0 = empty: the root is nobody's child
  void grow_node_slots();

  // Name bytes live in large blocks, each name after its 4-byte length. A name slot carries the
  // hash and the bytes, so a lookup touches the slot and the name and nothing else (interning is
  // the parsers' hot loop, and on unique stacks every frame is a cache miss).
  struct NameSlot {
    std::uint32_t hash;
    NameId id;  // kNoName = empty
    const char* bytes;
  };
  std::vector<NameSlot> name_slots_;
  void grow_name_slots();
  static std::string_view stored_name(const char* bytes) {
    std::uint32_t size;
    std::memcpy(&size, bytes - sizeof size, sizeof size);
    return {bytes, size};
  }
  std::vector<const char*> names_;  // per NameId, its bytes
  std::vector<std::unique_ptr<char[]>> name_blocks_;
  std::size_t block_free_ = 0;
  char* block_next_ = nullptr;

  std::vector<Node> nodes_;
  SideCounts totals_{};
};

}  // namespace benchgate::profile
