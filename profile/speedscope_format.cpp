#include "profile/speedscope_format.h"

#include <cmath>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"
#include "profile/folded_format.h"

namespace benchgate::profile {
namespace {
namespace field = json_field;
using nlohmann::json;

// Nanoseconds per unit; 0 for unit-less counts.
double nanoseconds_per(const std::string& unit, const std::string& where) {
  if (unit == "none") return 0;
  if (unit == "nanoseconds") return 1;
  if (unit == "microseconds") return 1e3;
  if (unit == "milliseconds") return 1e6;
  if (unit == "seconds") return 1e9;
  throw InputError(
      fmt::format("{}: unit '{}' is not supported (none, nanoseconds, microseconds, "
                  "milliseconds, seconds)",
                  where, unit));
}

class SpeedscopeReader {
 public:
  SpeedscopeReader(FrameTrie& trie, Side side, ProfileInfo& info, std::string source)
      : trie_(trie), side_(side), info_(info), source_(std::move(source)) {}

  void read(const json& document) {
    const auto& frames = field::array(
        field::member(field::member(document, "shared", source_), "frames", source_ + ".shared"),
        source_ + ".shared.frames");
    for (std::size_t i = 0; i < frames.size(); ++i) {
      const auto where = fmt::format("{}.shared.frames[{}]", source_, i);
      frame_names_.push_back(trie_.intern(sanitize_frame_name(
          field::string(field::member(frames[i], "name", where), where + ".name"))));
    }
    const auto& profiles =
        field::array(field::member(document, "profiles", source_), source_ + ".profiles");
    for (std::size_t i = 0; i < profiles.size(); ++i) {
      const auto where = fmt::format("{}.profiles[{}]", source_, i);
      const auto type = field::string(field::member(profiles[i], "type", where), where + ".type");
      const auto unit = field::string(field::member(profiles[i], "unit", where), where + ".unit");
      set_unit(nanoseconds_per(unit, where + ".unit"), where);
      if (type == "sampled") {
        read_sampled(profiles[i], where);
      } else if (type == "evented") {
        read_evented(profiles[i], where);
      } else {
        throw InputError(
            fmt::format("{}.type: '{}' is neither 'sampled' nor 'evented'", where, type));
      }
    }
  }

 private:
  void set_unit(double scale, const std::string& where) {
    const bool is_time = scale > 0;
    if (!unit_set_) {
      info_.unit = std::string(is_time ? kUnitNanoseconds : kUnitSamples);
      unit_set_ = true;
    } else if ((info_.unit == kUnitNanoseconds) != is_time) {
      throw InputError(
          fmt::format("{}.unit: mixes time and unit-less profiles in one file", where));
    }
    scale_ = scale;
  }

  std::uint64_t to_count(double value, const std::string& where) {
    if (!std::isfinite(value) || value < 0) {
      throw InputError(fmt::format("{}: weight {} is not a non-negative number", where, value));
    }
    return static_cast<std::uint64_t>(std::llround(scale_ > 0 ? value * scale_ : value));
  }

  NameId frame(const json& index, const std::string& where) {
    const long long i = field::integer(index, where);
    if (i < 0 || static_cast<std::size_t>(i) >= frame_names_.size()) {
      throw InputError(fmt::format("{}: frame index {} is outside shared.frames (size {})", where,
                                   i, frame_names_.size()));
    }
    return frame_names_[static_cast<std::size_t>(i)];
  }

  void add(NodeId node, std::uint64_t count) {
    if (node == kRootNode || count == 0) return;
    trie_.add_samples(node, side_, count);
    info_.samples += count;
  }

  void read_sampled(const json& profile, const std::string& where) {
    const auto& samples =
        field::array(field::member(profile, "samples", where), where + ".samples");
    const auto& weights =
        field::array(field::member(profile, "weights", where), where + ".weights");
    if (samples.size() != weights.size()) {
      throw InputError(
          fmt::format("{}: {} samples but {} weights", where, samples.size(), weights.size()));
    }
    for (std::size_t s = 0; s < samples.size(); ++s) {
      const auto sample_where = fmt::format("{}.samples[{}]", where, s);
      NodeId node = kRootNode;
      const auto& stack = field::array(samples[s], sample_where);
      for (std::size_t f = 0; f < stack.size(); ++f) {
        node = trie_.child(node, frame(stack[f], fmt::format("{}[{}]", sample_where, f)));
      }
      const auto weight_where = fmt::format("{}.weights[{}]", where, s);
      add(node, to_count(field::finite_number(weights[s], weight_where), weight_where));
    }
  }

  // Open/close events; the time between two events belongs to the stack open between them.
  void read_evented(const json& profile, const std::string& where) {
    const auto& events = field::array(field::member(profile, "events", where), where + ".events");
    std::vector<NodeId> open{kRootNode};
    double previous_at = 0;
    for (std::size_t e = 0; e < events.size(); ++e) {
      const auto event_where = fmt::format("{}.events[{}]", where, e);
      const auto type =
          field::string(field::member(events[e], "type", event_where), event_where + ".type");
      const double at =
          field::finite_number(field::member(events[e], "at", event_where), event_where + ".at");
      const NameId name =
          frame(field::member(events[e], "frame", event_where), event_where + ".frame");
      if (e > 0) {
        if (at < previous_at) {
          throw InputError(fmt::format("{}.at: {} is before the previous event ({})", event_where,
                                       at, previous_at));
        }
        add(open.back(), to_count(at - previous_at, event_where + ".at"));
      }
      previous_at = at;
      if (type == "O") {
        open.push_back(trie_.child(open.back(), name));
      } else if (type == "C") {
        if (open.size() == 1 || trie_.node(open.back()).name != name) {
          throw InputError(
              fmt::format("{}: closes frame '{}', which is not the innermost open frame",
                          event_where, trie_.name(name)));
        }
        open.pop_back();
      } else {
        throw InputError(fmt::format("{}.type: '{}' is neither 'O' nor 'C'", event_where, type));
      }
    }
  }

  FrameTrie& trie_;
  Side side_;
  ProfileInfo& info_;
  std::string source_;
  std::vector<NameId> frame_names_;
  bool unit_set_ = false;
  double scale_ = 0;
};

}  // namespace

void read_speedscope(const std::filesystem::path& path, FrameTrie& trie, Side side,
                     ProfileInfo& info) {
  info.source = path.string();
  info.format = "speedscope";
  SpeedscopeReader(trie, side, info, path.string()).read(read_json_file(path));
}

std::string write_speedscope(const FrameTrie& trie, const std::vector<SpeedscopeSide>& sides,
                             const std::string& name) {
  json frames = json::array();
  for (std::size_t i = 0; i < trie.name_count(); ++i) {
    frames.push_back({{"name", std::string(trie.name(static_cast<NameId>(i)))}});
  }
  json profiles = json::array();
  for (const auto& side : sides) {
    json samples = json::array();
    json weights = json::array();
    for (NodeId id = 1; id < trie.size(); ++id) {
      const auto self = trie.self(id)[side.side];
      if (self == 0) continue;
      samples.push_back(trie.path(id));
      weights.push_back(self);
    }
    const bool time = side.unit == kUnitNanoseconds;
    profiles.push_back({{"type", "sampled"},
                        {"name", side.name},
                        {"unit", time ? "nanoseconds" : "none"},
                        {"startValue", 0},
                        {"endValue", trie.total(side.side)},
                        {"samples", std::move(samples)},
                        {"weights", std::move(weights)}});
  }
  const json document = {{"$schema", "https://www.speedscope.app/file-format-schema.json"},
                         {"shared", {{"frames", std::move(frames)}}},
                         {"profiles", std::move(profiles)},
                         {"name", name},
                         {"activeProfileIndex", 0},
                         {"exporter", "benchgate"}};
  return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace benchgate::profile
