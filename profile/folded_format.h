#pragma once
// The folded-stack text format that joins the pipeline's stages
// (docs/design.md#profiles-as-a-pipeline):
//   root;caller;callee 42
// one line per distinct stack, frames root first, separated by ';', then a space and the count.
// Frame names may contain spaces (py-spy's "fn (file.py:12)"): the count is the last field.
// They never contain ';' — every parser replaces a ';' inside a name by ':' (docs/profiles.md).
// Names are kept byte for byte, except raw C++ symbols (`_ZN3foo3barEv`, left mangled by some
// tools), which are demangled as perf frames are (demangle.h).
// Metadata travels in comment lines, `# event: cpu-clock` and `# unit: samples`.
//
// Reads FlameGraph's stackcollapse-* output, py-spy `--format raw`, async-profiler's collapsed
// output and benchgate's own.
#include <string>

#include "profile/frame_trie.h"
#include "profile/line_reader.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

// Adds every stack of `lines` to `side` of `trie`; fills `info` (format, event, unit, samples,
// warnings). Lines without a trailing integer count are counted as malformed and skipped.
void read_folded(LineReader& lines, FrameTrie& trie, Side side, ProfileInfo& info);

// The profile on `side` as folded text with metadata comments, stacks in alphabetical order.
std::string write_folded(const FrameTrie& trie, Side side, const ProfileInfo& info);

// A frame name as it may appear in folded text: ';' replaced by ':'.
std::string sanitize_frame_name(std::string name);

}  // namespace benchgate::profile
