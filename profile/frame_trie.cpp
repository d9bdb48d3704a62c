#include "profile/frame_trie.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace benchgate::profile {
namespace {
constexpr std::uint64_t kEmptySlot = std::numeric_limits<std::uint64_t>::max();

std::uint64_t slot_key(NodeId parent, NameId name) {
  return (static_cast<std::uint64_t>(parent) << 32) | name;
}

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
}  // namespace

FrameTrie::FrameTrie() {
  slot_keys_.assign(1024, kEmptySlot);
  slot_nodes_.assign(1024, 0);
  slot_mask_ = 1023;
  nodes_.push_back(Node{intern("all"), kRootNode, 0, {}});
}

NameId FrameTrie::intern(std::string_view name) {
  if (auto found = name_ids_.find(name); found != name_ids_.end()) return found->second;
  const auto& stored = name_storage_.emplace_back(name);
  const auto id = static_cast<NameId>(names_.size());
  names_.push_back(&stored);
  name_ids_.emplace(std::string_view(stored), id);
  return id;
}

NodeId FrameTrie::child(NodeId parent, NameId name) {
  const std::uint64_t key = slot_key(parent, name);
  std::size_t slot = mix(key) & slot_mask_;
  while (slot_keys_[slot] != kEmptySlot) {
    if (slot_keys_[slot] == key) return slot_nodes_[slot];
    slot = (slot + 1) & slot_mask_;
  }
  if (nodes_.size() >= std::numeric_limits<NodeId>::max() - 1) {
    throw std::length_error("profile has more than 4 billion distinct stack frames");
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(Node{name, parent, nodes_[parent].depth + 1, {}});
  slot_keys_[slot] = key;
  slot_nodes_[slot] = id;
  // Keep the load below 1/2 so probe chains stay short.
  if (nodes_.size() * 2 > slot_keys_.size()) grow_slots();
  return id;
}

void FrameTrie::grow_slots() {
  std::vector<std::uint64_t> keys(slot_keys_.size() * 2, kEmptySlot);
  std::vector<NodeId> values(keys.size(), 0);
  const std::size_t mask = keys.size() - 1;
  for (std::size_t i = 0; i < slot_keys_.size(); ++i) {
    if (slot_keys_[i] == kEmptySlot) continue;
    std::size_t slot = mix(slot_keys_[i]) & mask;
    while (keys[slot] != kEmptySlot) slot = (slot + 1) & mask;
    keys[slot] = slot_keys_[i];
    values[slot] = slot_nodes_[i];
  }
  slot_keys_ = std::move(keys);
  slot_nodes_ = std::move(values);
  slot_mask_ = mask;
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

FrameTrie::ChildIndex FrameTrie::child_index() const {
  ChildIndex index;
  index.begin.assign(nodes_.size() + 1, 0);
  for (std::size_t i = 1; i < nodes_.size(); ++i) ++index.begin[nodes_[i].parent + 1];
  for (std::size_t i = 1; i < index.begin.size(); ++i) index.begin[i] += index.begin[i - 1];
  index.children.resize(nodes_.size() - 1);
  std::vector<std::uint32_t> fill(index.begin.begin(), index.begin.end() - 1);
  for (std::size_t i = 1; i < nodes_.size(); ++i) {
    index.children[fill[nodes_[i].parent]++] = static_cast<NodeId>(i);
  }
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
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
