#pragma once
// One entry point for every profile file benchgate reads, whatever produced it. The format is
// recognised from the content, not the name:
//   perf.data ("PERFILE2" magic)  -> `perf script -i` is run, then folded
//   speedscope JSON (starts '{')  -> speedscope_format.h
//   indented frame lines          -> perf script text
//   'stack COUNT' lines           -> folded stacks (FlameGraph, py-spy raw, async-profiler)
#include <filesystem>
#include <string>

#include "profile/perf_script_parser.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

struct LoadOptions {
  FoldOptions fold;
  std::string perf_program = "perf";  // for perf.data inputs
};

// Adds the profile in `path` to `side` of `trie`. Throws InputError for unreadable files and
// structurally invalid JSON; malformed text lines become warnings in the returned info.
ProfileInfo load_profile_into(const std::filesystem::path& path, FrameTrie& trie, Side side,
                              const LoadOptions& options = {});
Profile load_profile(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace benchgate::profile
