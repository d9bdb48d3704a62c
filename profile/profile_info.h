#pragma once
// What is known about a profile besides its stacks: where it came from, what was sampled, in
// which unit, and what could not be read. Malformed input is counted and reported, never fatal:
// one garbled line in a 100 MB perf script must not cost the whole profile.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "profile/frame_trie.h"

namespace benchgate::profile {

// Folded files carry their metadata in comment lines (FlameGraph's flamegraph.pl ignores
// lines it cannot parse and says how many).
inline constexpr std::string_view kEventHeader = "# event: ";
inline constexpr std::string_view kUnitHeader = "# unit: ";
// Counts are sample counts unless a speedscope/evented input made them durations.
inline constexpr std::string_view kUnitSamples = "samples";
inline constexpr std::string_view kUnitNanoseconds = "nanoseconds";
// The one frame of a sample that came without a call chain (perf -g missing, empty pprof stack).
inline constexpr std::string_view kNoCallchainFrame = "[no callchain]";

struct ParseWarnings {
  std::uint64_t malformed_lines = 0;
  std::vector<std::string> examples;  // the first few, "file:line: why"
  std::vector<std::string> notes;     // other things worth saying (skipped events, ...)

  void malformed(const std::string& source, std::uint64_t line, std::string_view why);
  // One line per warning for stderr; empty when there is nothing to say.
  std::string summary(const std::string& source) const;
};

struct ProfileInfo {
  std::string source;  // file name (for messages)
  std::string format;  // "perf-script", "folded", "speedscope", ...
  std::string event;   // "cpu-clock", "cycles", ...; empty when the input does not say
  std::string unit = std::string(kUnitSamples);
  std::uint64_t samples = 0;  // sum of counts loaded
  ParseWarnings warnings;
};

// One profile on its own (side kBase of its trie).
struct Profile {
  FrameTrie trie;
  ProfileInfo info;
};

// Throws InputError when two profiles cannot be compared: different events (cpu-clock vs
// cycles measure different things) or different units. An unknown event matches anything.
void require_comparable(const ProfileInfo& base, const ProfileInfo& head);

}  // namespace benchgate::profile
