#include "profile/frame_trie.h"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <stdexcept>

namespace benchgate::profile {
namespace {
constexpr NodeId kNoNode = 0;
constexpr NameId kNoName = std::numeric_limits<NameId>::max();
constexpr std::size_t kInitialSlots = 1024;
constexpr std::size_t kNameBlockBytes = 4 << 20;
// Node slots fill up to 4/5 (their hash bits make probing cheap); the other tables up to half.
constexpr std::size_t kNodeLoadNumerator = 4, kNodeLoadDenominator = 5;
// New nodes wait for their slots in batches this large (the scan for a child among them stays
// short), and a rebuild prefetches the slot this many nodes ahead.
constexpr std::size_t kNewNodeBatch = 32;
constexpr std::size_t kPrefetchAhead = 16;

// A 64-bit mix (splitmix64's finaliser): parent/name pairs are small consecutive integers,
// which would all land in a few buckets without it.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::uint64_t node_key(NodeId parent, NameId name) {
  return mix((static_cast<std::uint64_t>(parent) << 32) | name);
}

std::uint32_t name_hash(std::string_view name) {
  return static_cast<std::uint32_t>(mix(std::hash<std::string_view>{}(name)));
}

void insert_sample_slot(std::vector<std::uint32_t>& slots, NodeId node,
                        std::uint32_t index_plus_one) {
  const std::size_t mask = slots.size() / 2 - 1;
  std::size_t slot = mix(node) & mask;
  while (slots[2 * slot + 1] != 0) slot = (slot + 1) & mask;
  slots[2 * slot] = node;
  slots[2 * slot + 1] = index_plus_one;
}

bool node_slots_full(std::size_t nodes, std::size_t slots) {
  return nodes * kNodeLoadDenominator > slots * kNodeLoadNumerator;
}

// The smallest power of two that holds `nodes` (plus room to grow) below the load limit.
std::size_t node_slots_for(std::size_t nodes) {
  std::size_t slots = kInitialSlots;
  while (node_slots_full(nodes + 1, slots)) slots *= 2;
  return slots;
}
}  // namespace

FrameTrie::FrameTrie() {
  rebuild_node_slots(kInitialSlots);
  name_slots_.assign(kInitialSlots, NameSlot{0, kNoName, nullptr});
  sample_slots_.assign(2 * kInitialSlots, 0);
  nodes_.push_back(Node{intern("all"), kRootNode});
  has_self_.push_back(false);
}

NameId FrameTrie::intern(std::string_view name) {
  const std::uint32_t hash = name_hash(name);
  const std::size_t mask = name_slots_.size() - 1;
  std::size_t slot = hash & mask;
  for (; name_slots_[slot].id != kNoName; slot = (slot + 1) & mask) {
    const NameSlot& entry = name_slots_[slot];
    if (entry.hash == hash && stored_name(entry.bytes) == name) return entry.id;
  }
  if (names_.size() >= kNoName - 1) {
    throw std::length_error("profile has more than 4 billion distinct frame names");
  }
  if (name.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a frame name is longer than 4 GiB");
  }
  const auto size = static_cast<std::uint32_t>(name.size());
  const std::size_t needed = sizeof size + name.size();
  if (needed > block_free_) {
    const std::size_t block = std::max(kNameBlockBytes, needed);
    name_blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
    block_next_ = name_blocks_.back().get();
    block_free_ = block;
  }
  std::memcpy(block_next_, &size, sizeof size);
  char* bytes = block_next_ + sizeof size;
  std::copy(name.begin(), name.end(), bytes);
  block_next_ += needed;
  block_free_ -= needed;
  const auto id = static_cast<NameId>(names_.size());
  names_.push_back(bytes);
  name_slots_[slot] = {hash, id, bytes};
  if (names_.size() * 2 > name_slots_.size()) grow_name_slots();
  return id;
}

void FrameTrie::grow_name_slots() {
  std::vector<NameSlot> slots(name_slots_.size() * 2, NameSlot{0, kNoName, nullptr});
  const std::size_t mask = slots.size() - 1;
  for (const NameSlot& entry : name_slots_) {
    if (entry.id == kNoName) continue;
    std::size_t slot = entry.hash & mask;
    while (slots[slot].id != kNoName) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }
  name_slots_ = std::move(slots);
}

NodeId FrameTrie::child(NodeId parent, NameId name) {
  if (node_slots_.empty()) rebuild_node_slots(node_slots_for(nodes_.size()));
  if (parent < first_unindexed_) {
    const std::uint64_t key = node_key(parent, name);
    const std::size_t mask = node_slots_.size() - 1;
    const std::uint32_t tag = node_tag(key);
    for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t entry = node_slots_[slot];
      if (entry == kNoNode) break;
      if ((entry & ~node_id_mask_) != tag) continue;
      const NodeId id = entry & node_id_mask_;
      if (nodes_[id].parent == parent && nodes_[id].name == name) return id;
    }
  }
  // Among the nodes not in the table, only those after the parent can be its children.
  for (auto id = std::max<NodeId>(parent + 1, first_unindexed_); id < nodes_.size(); ++id) {
    if (nodes_[id].parent == parent && nodes_[id].name == name) return id;
  }
  if (nodes_.size() >= std::numeric_limits<NodeId>::max() - 1) {
    throw std::length_error("profile has more than 4 billion distinct stack frames");
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(Node{name, parent});
  has_self_.push_back(false);
  if (nodes_.size() - first_unindexed_ >= kNewNodeBatch) index_new_nodes();
  return id;
}

void FrameTrie::index_new_nodes() {
  if (node_slots_full(nodes_.size(), node_slots_.size())) {
    rebuild_node_slots(node_slots_.size() * 2);
    return;
  }
  const std::size_t mask = node_slots_.size() - 1;
  std::array<std::uint64_t, kNewNodeBatch> keys;
  const std::size_t count = nodes_.size() - first_unindexed_;
  for (std::size_t i = 0; i < count; ++i) {
    const Node& node = nodes_[first_unindexed_ + i];
    keys[i] = node_key(node.parent, node.name);
    __builtin_prefetch(&node_slots_[keys[i] & mask], 1);
  }
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t slot = keys[i] & mask;
    while (node_slots_[slot] != kNoNode) slot = (slot + 1) & mask;
    node_slots_[slot] = static_cast<NodeId>(first_unindexed_ + i) | node_tag(keys[i]);
  }
  first_unindexed_ = static_cast<NodeId>(nodes_.size());
}

// Rehashed from the nodes, so the old table is freed first: growing never holds both.
void FrameTrie::rebuild_node_slots(std::size_t slots) {
  node_slots_ = std::vector<std::uint32_t>();  // frees, where "= {}" would keep the capacity
  node_slots_.assign(slots, kNoNode);
  // Ids stay below the number of slots (the table is never full), so they fit in
  // log2(slots) bits.
  node_id_mask_ = static_cast<std::uint32_t>(std::min<std::size_t>(slots - 1, ~std::uint32_t{0}));
  const std::size_t mask = slots - 1;
  for (NodeId id = 1; id < nodes_.size(); ++id) {
    if (id + kPrefetchAhead < nodes_.size()) {
      const Node& ahead = nodes_[id + kPrefetchAhead];
      __builtin_prefetch(&node_slots_[node_key(ahead.parent, ahead.name) & mask], 1);
    }
    const std::uint64_t key = node_key(nodes_[id].parent, nodes_[id].name);
    std::size_t slot = key & mask;
    while (node_slots_[slot] != kNoNode) slot = (slot + 1) & mask;
    node_slots_[slot] = id | node_tag(key);
  }
  first_unindexed_ = static_cast<NodeId>(nodes_.size());
}

void FrameTrie::finish_loading() {
  node_slots_ = std::vector<std::uint32_t>();  // frees, where "= {}" would keep the capacity
}

std::uint32_t FrameTrie::depth(NodeId id) const {
  std::uint32_t depth = 0;
  for (; id != kRootNode; id = nodes_[id].parent) ++depth;
  return depth;
}

// A sample slot is two words, the node and its index + 1 (0 = empty), so a probe compares the
// node without reading sampled_nodes_ (a cache miss per probe on a large profile).
void FrameTrie::add_samples(NodeId node, Side side, std::uint64_t count) {
  totals_[side] += count;
  if (has_self_[node]) {
    sampled_counts_[sampled_index(node)][side] += count;
    return;
  }
  if (sampled_nodes_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
    throw std::length_error("profile has more than 4 billion distinct stacks");
  }
  has_self_[node] = true;
  sampled_nodes_.push_back(node);
  sampled_counts_.emplace_back()[side] = count;
  insert_sample_slot(sample_slots_, node, static_cast<std::uint32_t>(sampled_nodes_.size()));
  if (sampled_nodes_.size() * 4 > sample_slots_.size()) grow_sample_slots();
}

std::size_t FrameTrie::sampled_index(NodeId id) const {
  const std::size_t mask = sample_slots_.size() / 2 - 1;
  for (std::size_t slot = mix(id) & mask;; slot = (slot + 1) & mask) {
    // has_self_ said it is there
    if (sample_slots_[2 * slot] == id) return sample_slots_[2 * slot + 1] - 1;
  }
}

void FrameTrie::grow_sample_slots() {
  const std::size_t words = sample_slots_.size() * 2;
  sample_slots_ = std::vector<std::uint32_t>();
  sample_slots_.assign(words, 0);
  for (std::size_t i = 0; i < sampled_nodes_.size(); ++i)
    insert_sample_slot(sample_slots_, sampled_nodes_[i], static_cast<std::uint32_t>(i + 1));
}

std::vector<SideCounts> FrameTrie::subtree_totals() const {
  std::vector<SideCounts> totals(nodes_.size());
  for (std::size_t i = 0; i < sampled_nodes_.size(); ++i)
    totals[sampled_nodes_[i]] = sampled_counts_[i];
  for (std::size_t i = nodes_.size(); i-- > 1;) {
    totals[nodes_[i].parent][0] += totals[i][0];
    totals[nodes_[i].parent][1] += totals[i][1];
  }
  return totals;
}

std::size_t FrameTrie::ChildIndex::position(NodeId id) const {
  if (keys.empty()) return id;
  const auto found = std::lower_bound(keys.begin(), keys.end(), id);
  if (found == keys.end() || *found != id) throw std::out_of_range("node not in the child index");
  return static_cast<std::size_t>(found - keys.begin());
}

FrameTrie::ChildIndex FrameTrie::child_index(const std::function<bool(NodeId)>& listed) const {
  ChildIndex index;
  // The entries: every node, or the root and the listed nodes (ascending, so a parent's
  // position is a binary search away).
  if (listed) {
    index.keys.push_back(kRootNode);
    for (NodeId i = 1; i < nodes_.size(); ++i) {
      if (listed(i)) index.keys.push_back(i);
    }
  }
  const std::size_t entries = listed ? index.keys.size() : nodes_.size();
  // Per entry but the root's, its parent's entry, kNoParent when the parent has none.
  constexpr std::uint32_t kNoParent = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> listed_parent;
  if (listed) {
    listed_parent.assign(entries, kNoParent);
    for (std::size_t e = 1; e < entries; ++e) {
      const NodeId parent = nodes_[index.keys[e]].parent;
      const auto found = std::lower_bound(index.keys.begin(), index.keys.end(), parent);
      if (found != index.keys.end() && *found == parent)
        listed_parent[e] = static_cast<std::uint32_t>(found - index.keys.begin());
    }
  }
  const auto parent_of = [&](std::size_t entry) {
    return listed ? listed_parent[entry] : nodes_[entry].parent;
  };
  const auto node_of = [&](std::size_t entry) {
    return listed ? index.keys[entry] : static_cast<NodeId>(entry);
  };
  // Count each parent's children into begin[parent], turn the counts into range ends, then fill
  // every range from its end, which leaves begin[parent] at the start: no second offset array.
  index.begin.assign(entries + 1, 0);
  std::size_t count = 0;
  for (std::size_t e = 1; e < entries; ++e) {
    if (parent_of(e) == kNoParent) continue;
    ++index.begin[parent_of(e)];
    ++count;
  }
  for (std::size_t e = 1; e < entries; ++e) index.begin[e] += index.begin[e - 1];
  index.begin[entries] = static_cast<std::uint32_t>(count);
  index.children.resize(count);
  for (std::size_t e = entries; e-- > 1;) {
    if (parent_of(e) != kNoParent) index.children[--index.begin[parent_of(e)]] = node_of(e);
  }
  for (std::size_t e = 0; e < entries; ++e) {
    if (index.begin[e + 1] - index.begin[e] < 2) continue;
    std::sort(index.children.begin() + index.begin[e], index.children.begin() + index.begin[e + 1],
              [this](NodeId a, NodeId b) { return name(nodes_[a].name) < name(nodes_[b].name); });
  }
  return index;
}

std::vector<NameId> FrameTrie::path(NodeId id) const {
  std::vector<NameId> names;
  for (; id != kRootNode; id = nodes_[id].parent) names.push_back(nodes_[id].name);
  std::reverse(names.begin(), names.end());
  return names;
}

}  // namespace benchgate::profile
