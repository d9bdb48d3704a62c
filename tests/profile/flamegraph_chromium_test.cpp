// The flame graph page in a real browser (headless Chromium, no network): a click zooms, a
// search highlights and counts, hovering describes, Esc resets — on a small graph and on a
// ~35,000-frame differential graph. Skipped, with the reason printed, where Chromium cannot run.
// How long the script takes is a figure for bench/flamegraph_chromium_bench.cpp; here it is only
// printed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "profile/flamegraph_svg.h"
#include "profile/profile_loader.h"
#include "tests/profile/flamegraph_page.h"
#include "tests/profile/profile_test_util.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::add_stack;
using benchgate::testing::kManyFramesDepth;
using benchgate::testing::many_frames_diff_profile;
using benchgate::testing::open_in_chromium;
using benchgate::testing::profile_data;

// Clicks "clicked" through the SVG's own handler, finding frames by their drawn label.
const char* kClickCheck = R"js(
  var gs = doc.getElementById("frames").children, target = -1, sibling = -1;
  for (var i = 0; i < gs.length; i++) {
    var t = gs[i].querySelector("text");
    var name = t ? t.textContent : "";
    if (name === "clicked") target = i;
    if (name === "sibling") sibling = i;
  }
  var before = gs[target].firstElementChild.getAttribute("width");
  gs[target].firstElementChild.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  return {before: before,
    after: gs[target].firstElementChild.getAttribute("width"),
    child: gs[target + 1].firstElementChild.getAttribute("width"),
    siblingHidden: gs[sibling].classList.contains("hidden"),
    reset: !doc.getElementById("unzoom").classList.contains("off")};
)js";

TEST(FlamegraphChromium, ClickZooms) {
  FrameTrie trie;
  add_stack(trie, {"main", "clicked", "inner"}, kBase, 25);
  add_stack(trie, {"main", "clicked"}, kBase, 25);
  add_stack(trie, {"main", "sibling"}, kBase, 50);
  std::string why_not;
  const auto page = open_in_chromium(render_flamegraph_svg(trie, {}), kClickCheck, &why_not);
  if (!page) GTEST_SKIP() << why_not;
  // "clicked" is half of 1180 px; zoomed it fills the width, its child half of it, the sibling
  // is hidden and "Reset Zoom" appears.
  EXPECT_EQ(page->check.dump(),
            R"({"after":"1180.00","before":"590.00","child":"590.00","reset":true,)"
            R"("siblingHidden":true})");
}

// On the big graph: click app::run_1(), search app::dispatch_3(), hover it, press Esc. Frames
// are found through the page's own name table (window.flamegraph.name).
const char* kManyFramesCheck = R"js(
  var fg = win.flamegraph, gs = doc.getElementById("frames").children;
  var started = win.performance.now();
  fg.name(0);  // the first use parses the frame table
  var tableMs = win.performance.now() - started;
  function find(name) {
    for (var i = 0; i < gs.length; i++) if (fg.name(i) === name) return i;
    return -1;
  }
  function width(i) { return gs[i].firstElementChild.getAttribute("width"); }
  function count(selector) { return doc.querySelectorAll("#frames " + selector).length; }
  var run1 = find("app::run_1()"), run2 = find("app::run_2()"), hot = find("app::dispatch_3()");
  var r = {run1Before: +width(run1), tableMs: tableMs};
  gs[run1].firstElementChild.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  r.run1Zoomed = width(run1);
  r.run2Hidden = gs[run2].classList.contains("hidden");
  r.shownWhenZoomed = gs.length - count("g.hidden");
  fg.search("dispatch_3\\(");
  r.hits = count("g.hit");
  r.hitIsDispatch3 = gs[hot].classList.contains("hit");
  r.matched = doc.getElementById("matched").textContent;
  gs[hot].firstElementChild.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  r.details = doc.getElementById("details").textContent;
  win.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
  r.run1Reset = +width(run1);
  r.hiddenAfterReset = count("g.hidden");
  r.hitsAfterReset = count("g.hit");
  return r;
)js";

TEST(FlamegraphChromium, ThirtyFiveThousandFrameDiffLoadsZoomsAndSearches) {
  constexpr std::size_t kStacks = 3200;
  const auto profile = many_frames_diff_profile(kStacks);
  RenderOptions options;
  options.differential = true;
  const auto svg = render_flamegraph_svg(profile.trie, options);
  EXPECT_LE(svg.size(), options.max_bytes);
  std::string why_not;
  const auto page = open_in_chromium(svg, kManyFramesCheck, &why_not);
  if (!page) GTEST_SKIP() << why_not;
  std::printf(
      "[ figure   ] %zu frames, %.1f KB SVG: %.1f ms of script before first render, %.1f ms to "
      "parse the frame table on first use\n",
      page->frames, static_cast<double>(svg.size()) / 1024, page->script_ms,
      page->check.value("tableMs", -1.0));

  // Every frame is drawn (each stack is ~0.37 px wide, above the 0.1 px pruning): the root,
  // main, 4 run_K, 16 dispatch_J and 11 frames per stack.
  const std::size_t per_stack = kManyFramesDepth - 3;
  ASSERT_EQ(page->frames, 1 + 1 + 4 + 16 + kStacks * per_stack);
  const auto& r = page->check;
  EXPECT_GT(r["run1Before"].get<double>(), 200);
  EXPECT_EQ(r["run1Zoomed"], "1180.00");
  EXPECT_EQ(r["run2Hidden"], true);
  // Zoomed into run_1: its callers (all, main), itself, dispatch_1/5/9/13 and its 800 stacks.
  EXPECT_EQ(r["shownWhenZoomed"], 2 + 1 + 4 + (kStacks / 4) * per_stack);
  EXPECT_EQ(r["hits"], 1);
  EXPECT_EQ(r["hitIsDispatch3"], true);
  // dispatch_3's share of the head, as counted while generating the profile.
  const double expected = 100.0 * static_cast<double>(profile.dispatch_head_samples[3]) /
                          static_cast<double>(profile.head_samples);
  const auto matched = r["matched"].get<std::string>();
  ASSERT_THAT(matched, ::testing::StartsWith("Matched: "));
  EXPECT_NEAR(std::stod(matched.substr(9)), expected, 0.02) << matched;
  EXPECT_THAT(r["details"].get<std::string>(), ::testing::StartsWith("app::dispatch_3() | self "));
  EXPECT_DOUBLE_EQ(r["run1Reset"].get<double>(), r["run1Before"].get<double>());
  EXPECT_EQ(r["hiddenAfterReset"], 0);
  EXPECT_EQ(r["hitsAfterReset"], 0);
}

// Hovers two frames of the demo-shaped diff through the SVG's own handler: the info line and the
// tooltip (<title>) each frame then has.
const char* kHoverCheck = R"js(
  var gs = doc.getElementById("frames").children, r = {};
  for (var i = 0; i < gs.length; i++) {
    var name = win.flamegraph.name(i), key = name.indexOf("_M_mutate") >= 0 ? "mutate" :
      name === "[libbenchmark.so]" ? "parent" : "";
    if (!key) continue;
    gs[i].firstElementChild.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    r[key] = doc.getElementById("details").textContent;
    r[key + "Title"] = gs[i].querySelector("title").textContent;
  }
  return r;
)js";

// Hand-computed shares (base 2000 samples, head 2500; tests/data/profile/string_join_*.folded):
// _M_mutate self 100 -> 375 samples (5% -> 15%), total 220 -> 575 (11% -> 23%);
// [libbenchmark.so] self 100 -> 125 (5% -> 5%), total 1400 -> 1650 (70% -> 66%).
TEST(FlamegraphChromium, HoverShowsSelfAndTotalBaseHeadAndDelta) {
  FrameTrie trie;
  load_profile_into(profile_data("string_join_base.folded"), trie, kBase);
  load_profile_into(profile_data("string_join_head.folded"), trie, kHead);
  RenderOptions options;
  options.differential = true;
  std::string why_not;
  const auto page = open_in_chromium(render_flamegraph_svg(trie, options), kHoverCheck, &why_not);
  if (!page) GTEST_SKIP() << why_not;
  const auto& r = page->check;
  EXPECT_THAT(r["mutate"].get<std::string>(),
              ::testing::EndsWith("_M_mutate(unsigned long, unsigned long, char const*, unsigned "
                                  "long) | self 5.00% \u2192 15.00% (+10.00 pp), total 11.00% "
                                  "\u2192 23.00% (+12.00 pp) | this frame: base 220, head 575 "
                                  "samples"));
  EXPECT_EQ(r["parent"],
            "[libbenchmark.so] | self 5.00% \u2192 5.00% (+0.00 pp), total 70.00% "
            "\u2192 66.00% (-4.00 pp) | this frame: base 1400, head 1650 samples");
  EXPECT_EQ(r["mutateTitle"], r["mutate"]);
  EXPECT_EQ(r["parentTitle"], r["parent"]);
}

}  // namespace
}  // namespace benchgate::profile
