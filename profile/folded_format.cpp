#include "profile/folded_format.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "profile/demangle.h"
#include "profile/string_hash.h"

namespace benchgate::profile {
namespace {

bool parse_count(std::string_view text, std::uint64_t& count) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  return error == std::errc() && end == text.data() + text.size();
}

// Remembers the previous line's frames so that the shared prefix of consecutive lines (sorted
// folded files share most of it) is not looked up again: only the differing tail is hashed.
class PrefixCache {
 public:
  // The node of the deepest frame of `stack` that equals the previous line's frame at the same
  // depth, and where the rest of `stack` starts.
  NodeId reuse(std::string_view stack, std::size_t& rest, std::size_t& depth) const {
    const std::size_t limit = std::min(stack.size(), previous_.size());
    const auto diverge = static_cast<std::size_t>(
        std::mismatch(stack.begin(), stack.begin() + static_cast<std::ptrdiff_t>(limit),
                      previous_.begin())
            .first -
        stack.begin());
    depth = 0;
    while (depth < ends_.size() && ends_[depth] <= diverge &&
           (ends_[depth] < diverge || diverge == stack.size() || stack[diverge] == ';')) {
      ++depth;
    }
    rest = depth == 0 ? 0 : ends_[depth - 1] + 1;
    return depth == 0 ? kRootNode : nodes_[depth - 1];
  }
  void remember(std::string_view stack, std::size_t depth) {
    previous_.assign(stack);
    ends_.resize(depth);
    nodes_.resize(depth);
  }
  void push(std::size_t end, NodeId node) {
    ends_.push_back(end);
    nodes_.push_back(node);
  }

 private:
  std::string previous_;
  std::vector<std::size_t> ends_;  // offset just past each frame of the previous line
  std::vector<NodeId> nodes_;
};

// Interns folded frame names. Names are kept byte for byte except raw C++ symbols (`_Z...`),
// which some tools leave mangled: those are demangled once per distinct text, as perf frames are.
class FrameNames {
 public:
  explicit FrameNames(FrameTrie& trie) : trie_(trie) {}

  NameId intern(std::string_view frame) {
    // "#..." at the start of a written line would read back as a comment (sanitize_frame_name).
    if (frame.starts_with('#')) return trie_.intern(sanitize_frame_name(std::string(frame)));
    if (!looks_mangled(frame)) return trie_.intern(frame);
    if (const auto found = mangled_.find(frame); found != mangled_.end()) return found->second;
    const NameId id = trie_.intern(sanitize_frame_name(demangle_symbol(frame)));
    mangled_.emplace(std::string(frame), id);
    return id;
  }

 private:
  FrameTrie& trie_;
  std::unordered_map<std::string, NameId, TransparentStringHash, std::equal_to<>> mangled_;
};

}  // namespace

void read_folded(LineReader& lines, FrameTrie& trie, Side side, ProfileInfo& info) {
  info.source = lines.source();
  if (info.format.empty()) info.format = "folded";
  PrefixCache cache;
  FrameNames names(trie);
  std::string_view line;
  while (lines.next(line)) {
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (line.starts_with(kEventHeader))
        info.event = std::string(line.substr(kEventHeader.size()));
      if (line.starts_with(kUnitHeader)) info.unit = std::string(line.substr(kUnitHeader.size()));
      continue;
    }
    const std::size_t space = line.find_last_of(" \t");
    std::uint64_t count = 0;
    if (space == std::string_view::npos || !parse_count(line.substr(space + 1), count)) {
      info.warnings.malformed(info.source, lines.line_number(),
                              "expected 'frame;frame;... COUNT' with an integer count");
      continue;
    }
    // Exactly one separator, as flamegraph.pl's `(.*)\s+(\d+)` splits: a frame name may end
    // in a space, and trimming more would change it on every write and read.
    const std::string_view stack = line.substr(0, space);
    if (stack.empty()) {
      info.warnings.malformed(info.source, lines.line_number(), "a count without a stack");
      continue;
    }
    std::size_t position = 0;
    std::size_t depth = 0;
    NodeId node = cache.reuse(stack, position, depth);
    cache.remember(stack, depth);
    while (position <= stack.size()) {
      std::size_t end = stack.find(';', position);
      if (end == std::string_view::npos) end = stack.size();
      if (end > position) {  // an empty frame (";;") carries nothing: skip it
        node = trie.child(node, names.intern(stack.substr(position, end - position)));
        cache.push(end, node);
      }
      position = end + 1;
    }
    if (node == kRootNode) {
      info.warnings.malformed(info.source, lines.line_number(), "a stack with no frame names");
      continue;
    }
    trie.add_samples(node, side, count);
    info.samples += count;
  }
}

std::string write_folded(const FrameTrie& trie, Side side, const ProfileInfo& info) {
  std::string out;
  if (!info.event.empty()) out += fmt::format("{}{}\n", kEventHeader, info.event);
  out += fmt::format("{}{}\n", kUnitHeader, info.unit);
  const auto totals = trie.subtree_totals();
  const auto index = trie.child_index();
  // Depth-first with an explicit stack; `path` holds the names from the root to the current node.
  std::string path;
  std::vector<std::pair<NodeId, std::size_t>> pending;  // node, length of `path` before it
  for (const NodeId* c = index.last(kRootNode); c != index.first(kRootNode);)
    pending.push_back({*--c, 0});
  while (!pending.empty()) {
    const auto [id, length] = pending.back();
    pending.pop_back();
    if (totals[id][side] == 0) continue;
    path.resize(length);
    if (length > 0) path += ';';
    path += trie.name(trie.node(id).name);
    if (const auto self = trie.self(id)[side]; self > 0) {
      out += path;
      out += ' ';
      out += std::to_string(self);
      out += '\n';
    }
    for (const NodeId* c = index.last(id); c != index.first(id);)
      pending.push_back({*--c, path.size()});
  }
  return out;
}

std::string sanitize_frame_name(std::string name) {
  std::replace(name.begin(), name.end(), ';', ':');
  // A root frame starts its folded line, and a line that starts with '#' is a comment: a symbol
  // such as "# unit: x" (an asm label can be anything) would change the unit and lose its stack.
  if (name.starts_with('#')) name.insert(name.begin(), ' ');
  return name;
}

}  // namespace benchgate::profile
