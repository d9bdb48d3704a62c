#include "profile/pprof_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "profile/gzip_codec.h"
#include "profile/perf_script_parser.h"
#include "profile/proto/profile.pb.h"

namespace benchgate::profile {
namespace {
namespace pb = perftools::profiles;

constexpr std::string_view kCountUnit = "count";
constexpr std::uint64_t kMappingId = 1;

// Sample type names that count samples without naming the event; the event then comes from
// period_type (Go's CPU profiles: samples/count with period_type cpu/nanoseconds).
bool is_generic_type(std::string_view type) {
  return type == "samples" || type == "time";
}

// Nanoseconds per unit for time units, 0 for anything else.
std::uint64_t nanoseconds_per(std::string_view unit) {
  if (unit == "nanoseconds") return 1;
  if (unit == "microseconds") return 1'000;
  if (unit == "milliseconds") return 1'000'000;
  if (unit == "seconds") return 1'000'000'000;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Writing

class StringTable {
 public:
  explicit StringTable(pb::Profile& profile) : profile_(profile) { index(""); }
  std::int64_t index(std::string_view text) {
    const auto [slot, added] =
        indices_.try_emplace(std::string(text), profile_.string_table_size());
    if (added) profile_.add_string_table(std::string(text));
    return slot->second;
  }

 private:
  pb::Profile& profile_;
  std::unordered_map<std::string, std::int64_t> indices_;
};

void write_header(pb::Profile& profile, StringTable& strings, const ProfileInfo& info) {
  const bool is_time = info.unit == kUnitNanoseconds;
  const std::string type = !info.event.empty() ? info.event : is_time ? "time" : "samples";
  auto* sample_type = profile.add_sample_type();
  sample_type->set_type(strings.index(type));
  sample_type->set_unit(strings.index(info.unit == kUnitSamples ? kCountUnit : info.unit));
  *profile.mutable_period_type() = *sample_type;
  profile.set_period(1);
  profile.set_default_sample_type(sample_type->type());
  // Every name is already a function name: the flags tell pprof's symboliser there is nothing
  // to look up (otherwise it searches for a binary and prints "Main binary filename not
  // available").
  auto* mapping = profile.add_mapping();
  mapping->set_id(kMappingId);
  mapping->set_has_functions(true);
  mapping->set_has_filenames(true);
  mapping->set_has_line_numbers(true);
  mapping->set_has_inline_frames(true);
}

// ---------------------------------------------------------------------------------------------
// Reading

class PprofReader {
 public:
  PprofReader(const pb::Profile& profile, std::size_t bytes, const std::string& source,
              FrameTrie& trie, Side side, ProfileInfo& info)
      : profile_(profile),
        source_(source),
        trie_(trie),
        side_(side),
        info_(info),
        frame_limit_(kMaxPprofFramesPerByte * bytes + kMaxPprofFramesPerSample) {}

  void read(const PprofReadOptions& options) {
    if (profile_.string_table_size() == 0 || !profile_.string_table(0).empty()) {
      throw InputError(
          fmt::format("{}: not a valid pprof profile: string_table[0] must be \"\"", source_));
    }
    const int chosen = choose_sample_type(options.sample_type);
    describe_sample_type(chosen);
    index_mappings();
    index_functions();
    index_locations();
    add_samples(chosen);
  }

 private:
  [[noreturn]] void invalid(const std::string& why) const {
    throw InputError(fmt::format("{}: not a valid pprof profile: {}", source_, why));
  }

  const std::string& string_at(std::int64_t index, std::string_view field) const {
    if (index < 0 || index >= profile_.string_table_size()) {
      invalid(fmt::format("{} is string {}, but string_table has {} entries", field, index,
                          profile_.string_table_size()));
    }
    return profile_.string_table(static_cast<int>(index));
  }

  std::string type_name(int i) const {
    return string_at(profile_.sample_type(i).type(), fmt::format("sample_type[{}].type", i));
  }

  int choose_sample_type(const std::string& wanted) const {
    const int count = profile_.sample_type_size();
    if (count == 0) invalid("no sample_type (nothing says what the values measure)");
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.push_back(type_name(i));
    const auto find = [&](std::string_view name) {
      return static_cast<int>(std::find(names.begin(), names.end(), name) - names.begin());
    };
    if (!wanted.empty()) {
      const int found = find(wanted);
      if (found == count) {
        throw InputError(fmt::format("{}: no sample type '{}' (the file has: {})", source_, wanted,
                                     fmt::join(names, ", ")));
      }
      return found;
    }
    if (const int samples = find("samples"); samples < count) return samples;
    if (profile_.default_sample_type() != 0) {
      const int preferred = find(string_at(profile_.default_sample_type(), "default_sample_type"));
      if (preferred < count) return preferred;
    }
    return 0;
  }

  void describe_sample_type(int chosen) {
    info_.source = source_;
    info_.format = "pprof";
    const std::string type = type_name(chosen);
    const std::string unit =
        string_at(profile_.sample_type(chosen).unit(), fmt::format("sample_type[{}].unit", chosen));
    info_.event = type;
    if (is_generic_type(type)) {
      info_.event.clear();
      if (profile_.has_period_type()) {
        const auto& period = string_at(profile_.period_type().type(), "period_type.type");
        if (!is_generic_type(period)) info_.event = period;
      }
    }
    scale_ = nanoseconds_per(unit);
    if (scale_ > 0) {
      info_.unit = std::string(kUnitNanoseconds);
    } else {
      scale_ = 1;
      info_.unit = unit.empty() || unit == kCountUnit ? std::string(kUnitSamples) : unit;
    }
    if (profile_.sample_type_size() > 1) {
      std::vector<std::string> others;
      for (int i = 0; i < profile_.sample_type_size(); ++i) {
        if (i != chosen) others.push_back(type_name(i));
      }
      info_.warnings.notes.push_back(
          fmt::format("pprof sample type '{}' ({}) loaded; the file also has {} (choose with "
                      "--sample-type)",
                      type, unit, fmt::join(others, ", ")));
    }
  }

  // Checks the spec's rule for ids (non-zero, unique) while filling `table`.
  template <typename Value>
  void insert_id(std::unordered_map<std::uint64_t, Value>& table, std::uint64_t id, Value value,
                 std::string_view what, int position) const {
    if (id == 0) invalid(fmt::format("{}[{}] has id 0 (ids must be non-zero)", what, position));
    if (!table.emplace(id, std::move(value)).second)
      invalid(fmt::format("{}[{}] repeats id {}", what, position, id));
  }

  void index_mappings() {
    for (int i = 0; i < profile_.mapping_size(); ++i) {
      const auto& mapping = profile_.mapping(i);
      insert_id(mapping_files_, mapping.id(),
                std::string_view(string_at(mapping.filename(), "mapping.filename")), "mapping", i);
    }
  }

  void index_functions() {
    for (int i = 0; i < profile_.function_size(); ++i) {
      const auto& function = profile_.function(i);
      const auto& name = string_at(function.name(), "function.name");
      const auto& system_name = string_at(function.system_name(), "function.system_name");
      insert_id(function_names_, function.id(), std::string_view(name.empty() ? system_name : name),
                "function", i);
    }
  }

  // Each location becomes its frames, root first: its lines reversed (the last line is the
  // function the others were inlined into). Stored as ranges of one array to stay compact.
  void index_locations() {
    for (int i = 0; i < profile_.location_size(); ++i) {
      const auto& location = profile_.location(i);
      std::string_view dso;
      if (location.mapping_id() != 0) {
        const auto found = mapping_files_.find(location.mapping_id());
        if (found == mapping_files_.end())
          invalid(fmt::format("location[{}] refers to mapping {}, which is not defined", i,
                              location.mapping_id()));
        dso = found->second;
      }
      const auto begin = static_cast<std::uint32_t>(frames_.size());
      for (int line = location.line_size() - 1; line >= 0; --line) {
        std::string_view function;
        if (const auto id = location.line(line).function_id(); id != 0) {
          const auto found = function_names_.find(id);
          if (found == function_names_.end())
            invalid(
                fmt::format("location[{}].line[{}] refers to function {}, which is not "
                            "defined",
                            i, line, id));
          function = found->second;
        }
        frames_.push_back(trie_.intern(perf_frame_name(function, dso)));
      }
      if (location.line_size() == 0) frames_.push_back(trie_.intern(perf_frame_name("", dso)));
      insert_id(location_frames_, location.id(),
                std::pair{begin, static_cast<std::uint32_t>(frames_.size())}, "location", i);
    }
  }

  void add_samples(int chosen) {
    const NameId no_callchain = trie_.intern(kNoCallchainFrame);
    for (int i = 0; i < profile_.sample_size(); ++i) {
      const auto& sample = profile_.sample(i);
      if (sample.value_size() != profile_.sample_type_size())
        invalid(fmt::format("sample[{}] has {} values for {} sample types", i, sample.value_size(),
                            profile_.sample_type_size()));
      const std::int64_t value = sample.value(chosen);
      if (value == 0) continue;
      if (value < 0) {
        throw InputError(
            fmt::format("{}: sample[{}] has a negative value ({}); pprof diff output (-diff_base, "
                        "-base) cannot be loaded, give the two profiles instead",
                        source_, i, value));
      }
      std::uint64_t count = 0;
      if (__builtin_mul_overflow(static_cast<std::uint64_t>(value), scale_, &count))
        invalid(fmt::format("sample[{}] value {} overflows in nanoseconds", i, value));
      NodeId node = kRootNode;
      std::size_t depth = 0;
      for (int l = sample.location_id_size() - 1; l >= 0; --l) {  // leaf first in the file
        const auto found = location_frames_.find(sample.location_id(l));
        if (found == location_frames_.end())
          invalid(fmt::format("sample[{}] refers to location {}, which is not defined", i,
                              sample.location_id(l)));
        const std::size_t frames = found->second.second - found->second.first;
        depth += frames;
        charge_frames(i, depth, frames);
        for (auto f = found->second.first; f < found->second.second; ++f)
          node = trie_.child(node, frames_[f]);
      }
      if (node == kRootNode) node = trie_.child(node, no_callchain);
      trie_.add_samples(node, side_, count);
      info_.samples += count;
    }
  }

  // Counts `added` frames of sample `i`, now `depth` deep, against the limits: checked before the
  // frames are walked, so an amplified stack is refused before it costs anything.
  void charge_frames(int i, std::size_t depth, std::size_t added) {
    if (depth > kMaxPprofFramesPerSample)
      invalid(fmt::format("sample[{}] expands to more than {} frames (its locations' lines)", i,
                          kMaxPprofFramesPerSample));
    frames_expanded_ += added;
    if (frames_expanded_ > frame_limit_)
      invalid(fmt::format(
          "its samples expand to more than {} frames, {} per byte of the profile (locations "
          "with many lines, repeated)",
          frame_limit_, kMaxPprofFramesPerByte));
  }

  const pb::Profile& profile_;
  const std::string& source_;
  FrameTrie& trie_;
  Side side_;
  ProfileInfo& info_;
  std::uint64_t scale_ = 1;
  std::unordered_map<std::uint64_t, std::string_view> mapping_files_;
  std::unordered_map<std::uint64_t, std::string_view> function_names_;
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> location_frames_;
  std::vector<NameId> frames_;
  const std::uint64_t frame_limit_;  // frames all samples together may expand to
  std::uint64_t frames_expanded_ = 0;
};

}  // namespace

bool looks_like_pprof(std::string_view head) {
  if (head.empty()) return false;
  // The wire tag of each Profile field that can open the message: (field << 3) | wire type,
  // wire type 2 for messages, strings and packed lists, 0 for plain integers.
  static constexpr std::array<unsigned char, 15> kOpeningTags = {
      1 << 3 | 2,  2 << 3 | 2,  3 << 3 | 2,  4 << 3 | 2,  5 << 3 | 2,
      6 << 3 | 2,  7 << 3 | 0,  8 << 3 | 0,  9 << 3 | 0,  10 << 3 | 0,
      11 << 3 | 2, 12 << 3 | 0, 13 << 3 | 0, 13 << 3 | 2, 14 << 3 | 0};
  const auto first = static_cast<unsigned char>(head.front());
  if (std::find(kOpeningTags.begin(), kOpeningTags.end(), first) == kOpeningTags.end())
    return false;
  // Varints of small ids and lengths put bytes below 0x09 everywhere in a protobuf; text (folded
  // stacks, perf script) has none of them, nor the other non-whitespace controls.
  return std::any_of(head.begin(), head.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x09 || (byte >= 0x0e && byte < 0x20 && byte != 0x1b);
  });
}

void read_pprof(std::string_view data, const std::string& source, FrameTrie& trie, Side side,
                const PprofReadOptions& options, ProfileInfo& info) {
  std::string decompressed;
  if (is_gzip(data)) {
    decompressed = gzip_decompress(data, source, kMaxPprofBytes);
    data = decompressed;
  }
  if (data.size() > kMaxPprofBytes)
    throw InputError(fmt::format("{}: a pprof profile of {} MiB is more than the {} MiB allowed",
                                 source, data.size() >> 20, kMaxPprofBytes >> 20));
  pb::Profile profile;
  if (!profile.ParseFromArray(data.data(), static_cast<int>(data.size()))) {
    throw InputError(fmt::format(
        "{}: not a valid pprof profile: the protobuf message does not decode (truncated or not "
        "a perftools.profiles.Profile)",
        source));
  }
  PprofReader(profile, data.size(), source, trie, side, info).read(options);
}

std::string write_pprof(const FrameTrie& trie, Side side, const ProfileInfo& info) {
  pb::Profile profile;
  StringTable strings(profile);
  write_header(profile, strings, info);

  // Depth first over the nodes with samples on `side`; `stack` holds the location ids of the
  // path from the root to the current node (root first), so a sample is that path reversed.
  const auto totals = trie.subtree_totals();
  const auto children = trie.child_index();
  std::vector<std::uint64_t> location_of(trie.name_count(), 0);  // 0: not written yet
  std::vector<std::uint64_t> stack;
  std::vector<std::pair<NodeId, std::uint32_t>> pending;  // node, its depth
  for (const NodeId* c = children.last(kRootNode); c != children.first(kRootNode);)
    pending.push_back({*--c, 1});
  while (!pending.empty()) {
    const auto [id, depth] = pending.back();
    pending.pop_back();
    if (totals[id][side] == 0) continue;
    const auto& node = trie.node(id);
    auto& location_id = location_of[node.name];
    if (location_id == 0) {
      location_id = static_cast<std::uint64_t>(profile.function_size()) + 1;
      auto* function = profile.add_function();
      function->set_id(location_id);
      function->set_name(strings.index(trie.name(node.name)));
      function->set_system_name(function->name());
      auto* location = profile.add_location();
      location->set_id(location_id);
      location->set_mapping_id(kMappingId);
      location->add_line()->set_function_id(location_id);
    }
    stack.resize(depth - 1);
    stack.push_back(location_id);
    if (const auto self = trie.self(id)[side]; self > 0) {
      auto* sample = profile.add_sample();
      for (auto it = stack.rbegin(); it != stack.rend(); ++it) sample->add_location_id(*it);
      sample->add_value(static_cast<std::int64_t>(
          std::min<std::uint64_t>(self, std::numeric_limits<std::int64_t>::max())));
    }
    for (const NodeId* c = children.last(id); c != children.first(id);)
      pending.push_back({*--c, depth + 1});
  }
  std::string bytes;
  if (!profile.SerializeToString(&bytes))
    throw EnvironmentError("pprof: the profile could not be serialised (larger than 2 GiB?)");
  return gzip_compress(bytes);
}

}  // namespace benchgate::profile
