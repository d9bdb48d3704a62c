#pragma once
// `perf script` text -> stacks, the fold stage for Linux perf. One sample is a header line
//   comm  pid/tid [cpu] time: period event:
// followed by one indented line per frame, leaf first,
//   	    55d5c0a0113d work::hash_rows<unsigned long>+0x1e (/tmp/prog)
// and a blank line. Each sample counts 1: perf's own folded output (and FlameGraph's on some
// events) sums the *period* instead, which makes profiles of different frequencies incomparable.
//
// Frame names: `+0x..` offsets stripped; raw `_Z` symbols demangled (perf usually demangles
// already); `[unknown]` symbols named after their DSO (`[libc.so.6]`) when it is known; kernel
// frames suffixed `_[k]` and inlined frames `_[i]` (FlameGraph's annotations); ';' in a name
// becomes ':' (folded_format.h). Lines that fit none of this are counted as malformed.
#include "profile/frame_trie.h"
#include "profile/line_reader.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

struct FoldOptions {
  // Put the process (comm) name above each stack, as FlameGraph does. Off by default: base and
  // head binaries often have different names, which would make every frame differ in a diff.
  bool include_process_name = false;
  // Keep only samples of this event; empty = the first event seen (others are skipped, noted).
  std::string event;
};

void fold_perf_script(LineReader& lines, FrameTrie& trie, Side side, const FoldOptions& options,
                      ProfileInfo& info);

// The frame name for one perf frame: `symbol` as perf printed it (maybe with +0x..), `dso` the
// text in the trailing parentheses (empty when absent). Exposed for tests.
std::string perf_frame_name(std::string_view symbol, std::string_view dso);

}  // namespace benchgate::profile
