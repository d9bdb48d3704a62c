#pragma once
// One entry point for every profile file benchgate reads, whatever produced it. The format is
// recognised from the content, not the name:
//   perf.data ("PERFILE2" magic)  -> `perf script -i` is run, then folded
//   gzip (1f 8b)                  -> decompressed: pprof, or folded / perf script text
//   protobuf bytes                -> pprof (pprof_format.h), uncompressed
//   speedscope JSON (starts '{')  -> speedscope_format.h
//   indented frame lines          -> perf script text
//   'stack COUNT' lines           -> folded stacks (FlameGraph, py-spy raw, async-profiler)
#include <filesystem>
#include <string>

#include "profile/perf_script_parser.h"
#include "profile/pprof_format.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

struct LoadOptions {
  FoldOptions fold;
  std::string perf_program = "perf";  // for perf.data inputs
  PprofReadOptions pprof;             // for pprof inputs: which sample type
};

// Adds the profile in `path` to `side` of `trie`. Throws InputError for unreadable files and
// structurally invalid JSON or pprof; malformed text lines become warnings in the returned info.
// Call trie.finish_loading() after the last one (load_profile does): it frees the lookup table.
ProfileInfo load_profile_into(const std::filesystem::path& path, FrameTrie& trie, Side side,
                              const LoadOptions& options = {});
Profile load_profile(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace benchgate::profile
