#pragma once
// pprof profiles (perftools.profiles.Profile, profile/proto/profile.proto), read and written, so
// that benchgate's profiles open in `pprof -diff_base`, Pyroscope and Parca, and Go's (or any
// pprof producer's) profiles can be rendered and diffed here.
//
// Writing, one FrameTrie side -> gzipped pprof:
//   sample_type  one entry (type, unit): type is the event ("cpu-clock"), or "samples" ("time"
//                for durations) when the event is unknown; unit "count" for sample counts (never
//                periods), "nanoseconds" for durations. period_type is the same, period 1.
//   Function and Location: one each per distinct frame name, same non-zero id, one Line each;
//                all in one Mapping (id 1) marked fully symbolised, so pprof never looks for a
//                binary to symbolise.
//   Sample:      one per stack with self samples, location ids leaf first.
//
// Reading (raw or gzipped): one sample type is loaded (PprofReadOptions), each Location expands
// to its Line entries (inlined functions: line[0] is the innermost, the last one its caller), and
// frames are named as perf frames are (perf_frame_name: raw `_Z` names demangled, kernel mappings
// annotated `_[k]`, unsymbolised locations named after their mapping). Structural errors (bad
// protobuf, dangling ids, string indices out of range, negative values) throw InputError naming
// the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "profile/frame_trie.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

// True when `head`, the first bytes of an uncompressed file, look like a pprof protobuf rather
// than text: it opens with a Profile field tag and holds control bytes no text file has.
bool looks_like_pprof(std::string_view head);

// Limits of reading (docs/profiles.md#limits). A location expands to one frame per line and a
// sample repeats locations, so a few kilobytes could otherwise stand for billions of frames.
inline constexpr std::size_t kMaxPprofBytes = std::size_t{256} << 20;  // protobuf, decompressed
inline constexpr std::size_t kMaxPprofFramesPerSample = 65'536;        // perf's own cap is 65,535
// All samples' frames together, per byte of protobuf: real profiles stay below one.
inline constexpr std::uint64_t kMaxPprofFramesPerByte = 16;

struct PprofReadOptions {
  // The Profile.sample_type to load, by type name ("samples", "cpu", "alloc_space"). Empty: the
  // "samples" type when there is one (a sample count, what every other input counts), else the
  // file's default_sample_type, else the first.
  std::string sample_type;
};

// Adds the profile in `data` (pprof bytes, gzipped or not) to `side` of `trie`; `source` names
// it in messages. Fills `info` (format "pprof", event, unit, samples, notes).
void read_pprof(std::string_view data, const std::string& source, FrameTrie& trie, Side side,
                const PprofReadOptions& options, ProfileInfo& info);

// `side` of `trie` as a gzipped pprof file's bytes.
std::string write_pprof(const FrameTrie& trie, Side side, const ProfileInfo& info);

}  // namespace benchgate::profile
