#pragma once
// The in-memory form of a profile (or of two, for a diff): a trie of stack frames whose nodes
// are (parent, interned name) pairs. Every stage after parsing works on it: a 1M-line folded
// file repeats a few thousand distinct names millions of times, and the trie stores each name
// once and each shared stack prefix once.
//
// A node has a *self* count per side (samples whose leaf is this exact stack); totals (self plus
// descendants) are derived on demand. Side kBase holds a single profile; a diff loads the base
// into kBase and the head into kHead of the same trie so that matching paths are the same node.
//
// Memory is per node what matters: two 1M-line profiles of deep unique stacks make ~49M nodes.
// A node is 8 bytes (name, parent); its depth is derived; self counts live in a sparse table,
// since on unique stacks only the leaves (1 node in ~25) have any.
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
  };

  FrameTrie();

  NameId intern(std::string_view name);
  std::string_view name(NameId id) const { return stored_name(names_[id]); }
  std::size_t name_count() const { return names_.size(); }

  // The child of `parent` called `name`, created when missing.
  NodeId child(NodeId parent, NameId name);
  void add_samples(NodeId node, Side side, std::uint64_t count);
  // Frees the table child() looks nodes up in (up to 4 bytes per node and as much again free):
  // drawing and diffing never need it. A later child() builds it again.
  void finish_loading();

  const Node& node(NodeId id) const { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }
  std::uint64_t total(Side side) const { return totals_[side]; }
  // root = 0, a stack's first frame = 1; walks up the parents.
  std::uint32_t depth(NodeId id) const;

  // Self counts: the nodes that have samples, in the order they first got some, and the counts of
  // any node (zero for most). Work per sample rather than per node (function totals, the totals
  // of drawn frames) walks up from these.
  SideCounts self(NodeId id) const {
    return has_self_[id] ? sampled_counts_[sampled_index(id)] : SideCounts{};
  }
  bool has_self(NodeId id) const { return has_self_[id]; }
  std::size_t sampled_count() const { return sampled_nodes_.size(); }
  NodeId sampled_node(std::size_t i) const { return sampled_nodes_[i]; }
  const SideCounts& sampled_counts(std::size_t i) const { return sampled_counts_[i]; }

  // Self plus descendants, per node and side. Parents are created before their children, so
  // one reverse sweep over the node array sums every subtree.
  std::vector<SideCounts> subtree_totals() const;
  // Children of every node, sorted by name (FlameGraph's alphabetical order, which makes the
  // layout of two profiles comparable), as offsets into one array (CSR) to stay compact. With
  // `listed`, only the root and the nodes it accepts have entries, and a listed node appears
  // as a child when its parent is listed too (the renderer leaves out frames too narrow to draw,
  // which on unique stacks are nearly all of them, and a frame is never wider than its parent):
  // the index is then the size of the listed nodes, not of the trie.
  struct ChildIndex {
    std::vector<NodeId> keys;          // with `listed`: the root and the listed nodes, ascending
    std::vector<std::uint32_t> begin;  // per key (or per node without `listed`), plus one
    std::vector<NodeId> children;
    const NodeId* first(NodeId id) const { return children.data() + begin[position(id)]; }
    const NodeId* last(NodeId id) const { return children.data() + begin[position(id) + 1]; }
    // Where `id` is a key; listed: a binary search, which only drawn frames pay.
    std::size_t position(NodeId id) const;
  };
  ChildIndex child_index(const std::function<bool(NodeId)>& listed = {}) const;
  // Names from the root's child down to `id`.
  std::vector<NameId> path(NodeId id) const;

 private:
  // The lookups are open addressing with linear probing and allocate nothing per entry: with
  // unique stacks a 1M-line profile has ~24M nodes, and per-entry allocations
  // (std::unordered_map, one std::string per name) would cost more than the names.
  // A node slot is 4 bytes: the node id in the bits of `node_id_mask_` (ids stay below the
  // table's size) and, above them, bits of the key's hash, so that a probe reads the node (a
  // cache miss on unique stacks) only when those bits match. That keeps probes cheap when the
  // table is up to 80% full, where a half-full one would take twice the memory.
  std::vector<std::uint32_t> node_slots_;  // 0 = empty: the root is nobody's child
  // Nodes from here on are not in the table yet. Each insertion is a cache miss, and on unique
  // stacks nearly every frame is a new node: they are inserted in batches whose slots are
  // prefetched together, so the misses overlap. A node's children are created after it, so a
  // parent not in the table has all its children among the few not in it either.
  NodeId first_unindexed_ = 1;
  void index_new_nodes();
  std::uint32_t node_tag(std::uint64_t key) const {
    return static_cast<std::uint32_t>(key >> 32) & ~node_id_mask_;
  }
  std::uint32_t node_id_mask_ = 0;
  void rebuild_node_slots(std::size_t slots);

  // Self counts, sparse: per sampled node, its counts; slots map a node to its index + 1.
  std::vector<NodeId> sampled_nodes_;
  std::vector<SideCounts> sampled_counts_;
  std::vector<std::uint32_t> sample_slots_;
  std::vector<bool> has_self_;  // per node: the sweeps skip the lookup for the ~24 in 25 without
  std::size_t sampled_index(NodeId id) const;
  void grow_sample_slots();

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
