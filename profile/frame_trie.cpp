#include "profile/frame_trie.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>

namespace benchgate::profile {
namespace {
constexpr NodeId kNoNode = 0;
constexpr NameId kNoName = std::numeric_limits<NameId>::max();
constexpr std::size_t kInitialSlots = 1024;
constexpr std::size_t kNameBlockBytes = 4 << 20;

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
}  // namespace

FrameTrie::FrameTrie() {
  node_slots_.assign(kInitialSlots, kNoNode);
  name_slots_.assign(kInitialSlots, NameSlot{0, kNoName, nullptr});
  nodes_.push_back(Node{intern("all"), kRootNode, 0, {}});
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
  const std::size_t mask = node_slots_.size() - 1;
  std::size_t slot = node_key(parent, name) & mask;
  for (NodeId id; (id = node_slots_[slot]) != kNoNode; slot = (slot + 1) & mask) {
    if (nodes_[id].parent == parent && nodes_[id].name == name) return id;
  }
  if (nodes_.size() >= std::numeric_limits<NodeId>::max() - 1) {
    throw std::length_error("profile has more than 4 billion distinct stack frames");
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(Node{name, parent, nodes_[parent].depth + 1, {}});
  node_slots_[slot] = id;
  if (nodes_.size() * 2 > node_slots_.size()) grow_node_slots();
  return id;
}

void FrameTrie::grow_node_slots() {
  std::vector<NodeId> slots(node_slots_.size() * 2, kNoNode);
  const std::size_t mask = slots.size() - 1;
  for (NodeId id = 1; id < nodes_.size(); ++id) {
    std::size_t slot = node_key(nodes_[id].parent, nodes_[id].name) & mask;
    while (slots[slot] != kNoNode) slot = (slot + 1) & mask;
    slots[slot] = id;
  }
  node_slots_ = std::move(slots);
}

std::vector<SideCounts> FrameTrie::subtree_totals() const {
  std::vector<SideCounts> totals(nodes_.size());
  for (std::size_t i = nodes_.size(); i-- > 0;) {
    totals[i][0] += nodes_[i].self[0];
    totals[i][1] += nodes_[i].self[1];
    if (i != kRootNode) {
      totals[nodes_[i].parent][0] += totals[i][0];
      totals[nodes_[i].parent][1] += totals[i][1];
    }
  }
  return totals;
}

FrameTrie::ChildIndex FrameTrie::child_index(const std::function<bool(NodeId)>& listed) const {
  ChildIndex index;
  // Count each parent's children into begin[parent], turn the counts into range ends, then fill
  // every range from its end, which leaves begin[parent] at the start: no second offset array.
  index.begin.assign(nodes_.size() + 1, 0);
  std::size_t count = 0;
  for (NodeId i = 1; i < nodes_.size(); ++i) {
    if (!listed || listed(i)) {
      ++index.begin[nodes_[i].parent];
      ++count;
    }
  }
  for (std::size_t i = 1; i < nodes_.size(); ++i) index.begin[i] += index.begin[i - 1];
  index.begin[nodes_.size()] = static_cast<std::uint32_t>(count);
  index.children.resize(count);
  for (auto i = static_cast<NodeId>(nodes_.size()); i-- > 1;) {
    if (!listed || listed(i)) index.children[--index.begin[nodes_[i].parent]] = i;
  }
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (index.begin[i + 1] - index.begin[i] < 2) continue;
    std::sort(index.children.begin() + index.begin[i], index.children.begin() + index.begin[i + 1],
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
