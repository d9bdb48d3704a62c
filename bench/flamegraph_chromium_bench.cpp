// The flame graph page's first render in headless Chromium (target, docs/profiles.md: <= 50 ms
// of script for ~35,000 frames). The time is manual: the script time the SVG's own window
// measures from before its first <script> to after its last (tests/profile/flamegraph_page.h),
// not Chromium's start-up. Skipped with the reason where Chromium cannot start.
#include <benchmark/benchmark.h>

#include "profile/flamegraph_svg.h"
#include "tests/profile/flamegraph_page.h"

namespace {
using namespace benchgate::profile;

void BM_ChromiumFirstRenderScript(benchmark::State& state) {
  const auto profile =
      benchgate::testing::many_frames_diff_profile(static_cast<std::size_t>(state.range(0)));
  RenderOptions options;
  options.differential = true;
  const auto svg = render_flamegraph_svg(profile.trie, options);
  std::size_t frames = 0;
  for (auto _ : state) {
    std::string why_not;
    const auto page = benchgate::testing::open_in_chromium(svg, "return null;", &why_not);
    if (!page) {
      state.SkipWithError(why_not.c_str());
      return;
    }
    state.SetIterationTime(page->script_ms / 1000);
    frames = page->frames;
  }
  state.counters["frames"] = static_cast<double>(frames);
  state.counters["svg_MB"] = static_cast<double>(svg.size()) / 1e6;
}
// 3,200 stacks draw 35,222 frames.
BENCHMARK(BM_ChromiumFirstRenderScript)
    ->Arg(3200)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
