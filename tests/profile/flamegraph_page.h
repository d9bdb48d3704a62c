#pragma once
// Flame graph SVGs opened in headless Chromium (tests/support/chromium_page.h), for the test
// that checks the page works and for bench/flamegraph_chromium_bench.cpp, which times it: both
// load the same page through this one harness.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "profile/frame_trie.h"

namespace benchgate::testing {

// A differential profile that draws ~11 x `stacks` frames in a 1200 px SVG: `stacks` stacks
// "main;app::run_K();app::dispatch_J();" + 11 frames named from a pool of 3,000 long template
// names, with no shared prefix below depth 3 (for stacks <= 6,000). Base and head have the same
// stacks (so nothing is drawn hatched) with different seeded counts. The generator counts, as it
// adds them, the head samples under each app::dispatch_J(), J = 0..15: what a search for it must
// match.
struct ManyFramesProfile {
  profile::FrameTrie trie;
  std::array<std::uint64_t, 16> dispatch_head_samples{};
  std::uint64_t head_samples = 0;
};
ManyFramesProfile many_frames_diff_profile(std::size_t stacks);
inline constexpr std::size_t kManyFramesDepth = 14;  // main, run, dispatch and 11 more

struct PageResult {
  double script_ms = 0;    // the SVG's scripts, each timed from just before to just after it
  std::size_t frames = 0;  // <g> elements under #frames once loaded
  nlohmann::json check;    // what the check function returned
};

// Opens `svg` in an iframe of a page in headless Chromium. Once it has loaded, the body of
// `check_js` runs as a function of (win, doc) — the SVG's window and document — and its return
// value comes back as JSON in `check`. Returns nullopt, with the reason in `why_not`, when
// Chromium is missing or cannot start here; throws std::runtime_error when the page fails.
std::optional<PageResult> open_in_chromium(const std::string& svg, std::string_view check_js,
                                           std::string* why_not);

}  // namespace benchgate::testing
