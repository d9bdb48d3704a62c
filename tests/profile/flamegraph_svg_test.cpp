// The SVG: well-formed XML (python3's xml.dom.minidom, not our code, parses it), one <g> per
// frame, pruning, the size cap. The page in a browser: flamegraph_chromium_test.cpp.
#include "profile/flamegraph_svg.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "tests/profile/profile_test_util.h"
#include "tests/support/hostile_text.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::add_stack;
using benchgate::testing::run_process;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;

// Parses with minidom and prints: the number of <g> inside #frames, then each frame's
// rect width and (when present) text, one per line.
const char* kInspect = R"py(
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
frames = [g for g in doc.getElementsByTagName("g") if g.getAttribute("id") == "frames"][0]
gs = [n for n in frames.childNodes if n.nodeType == n.ELEMENT_NODE]
assert all(n.tagName == "g" for n in gs)
print(len(gs))
for g in gs:
    rect = g.getElementsByTagName("rect")[0]
    texts = g.getElementsByTagName("text")
    print(rect.getAttribute("width"), texts[0].firstChild.data if texts else "")
)py";

std::vector<std::string> inspect(const std::string& svg) {
  TempDir dir;
  write_file(dir / "g.svg", svg);
  write_file(dir / "inspect.py", kInspect);
  const auto result =
      run_process({"/usr/bin/python3", (dir / "inspect.py").string(), (dir / "g.svg").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> lines;
  std::stringstream in(result.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(FlamegraphSvg, WellFormedWithOneGroupPerFrame) {
  FrameTrie trie;
  // Hostile names: XML specials, a CDATA terminator, invalid UTF-8, a control character.
  add_stack(trie, {"main", "parse<Sep<':'>, Quote<'\"'> >"}, kBase, 50);
  add_stack(trie, {"main", "a & b < c ]]> d", "\xff\xfe bad utf8 \x01"}, kBase, 30);
  add_stack(trie, {"main", "grün"}, kBase, 20);
  RenderOptions options;
  options.title = "title with <xml> & \"quotes\"";
  const auto lines = inspect(render_flamegraph_svg(trie, options));
  ASSERT_FALSE(lines.empty());
  // Distinct frame paths: all, main, 3 children of main, 1 grandchild = 6.
  EXPECT_EQ(lines[0], "6");
}

TEST(FlamegraphSvg, PrunesFramesNarrowerThanTheLimit) {
  FrameTrie trie;
  add_stack(trie, {"main", "big"}, kBase, 100000);
  add_stack(trie, {"main", "speck"}, kBase, 1);  // 1e-5 of 1180 px = 0.012 px
  const auto lines = inspect(render_flamegraph_svg(trie, {}));
  EXPECT_EQ(lines[0], "3");  // all, main, big
  RenderOptions keep_all;
  keep_all.min_frame_px = 0;
  EXPECT_EQ(inspect(render_flamegraph_svg(trie, keep_all))[0], "4");
}

TEST(FlamegraphSvg, SizeCapRaisesThePruningThreshold) {
  FrameTrie trie;
  // Widths from 1 to 4e6 samples: ~1500 frames are wider than 0.1 px, ~2000 wider than 0.
  for (std::uint64_t i = 1; i <= 2000; ++i)
    add_stack(trie, {"main", "function_" + std::to_string(i)}, kBase, i * i);
  RenderOptions options;
  options.min_frame_px = 0;
  options.max_bytes = 100 * 1024;
  const auto svg = render_flamegraph_svg(trie, options);
  EXPECT_LE(svg.size(), options.max_bytes);
  EXPECT_GT(std::stoi(inspect(svg)[0]), 100);
}

TEST(FlamegraphSvg, DifferentialShowsVanishedFramesAndColours) {
  FrameTrie trie;
  add_stack(trie, {"main", "grew"}, kBase, 10);
  add_stack(trie, {"main", "grew"}, kHead, 60);
  add_stack(trie, {"main", "shrank"}, kBase, 60);
  add_stack(trie, {"main", "shrank"}, kHead, 40);
  add_stack(trie, {"main", "gone"}, kBase, 30);
  RenderOptions options;
  options.differential = true;
  const auto svg = render_flamegraph_svg(trie, options);
  EXPECT_EQ(inspect(svg)[0], "5");
  // Self shares: grew 10% -> 60% (+50 pp, the largest: the scale's red end); shrank 60% -> 40%;
  // gone hatched.
  EXPECT_THAT(svg, ::testing::HasSubstr("fill=\"#b40426\""));
  EXPECT_THAT(svg, ::testing::HasSubstr("fill=\"url(#gone)\""));
  // head width: 100 samples over 1180 px, plus the vanished 30% of base: 1.3 units
  EXPECT_THAT(svg, ::testing::HasSubstr("width=\"1180.00\""));
}

// Property: whatever bytes a binary's symbol table holds, plain and differential SVGs are valid
// UTF-8 and well-formed XML, with the names drawn as labels (a wide graph, so labels fit).
TEST(FlamegraphSvg, RandomByteNamesStillGiveValidUtf8Xml) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const auto names = testing::hostile_strings(24, seed);
    FrameTrie trie;
    for (std::size_t i = 0; i + 3 < names.size(); i += 4) {
      add_stack(trie, {names[i], names[i + 1], names[i + 2]}, kBase, 10 + i);
      add_stack(trie, {names[i], names[i + 3]}, kHead, 5 + i);
    }
    RenderOptions options;
    options.title = names.back();
    options.width = 20000;
    for (bool differential : {false, true}) {
      options.differential = differential;
      const std::string svg = render_flamegraph_svg(trie, options);
      EXPECT_EQ(testing::xml_problem(svg), "")
          << "seed " << seed << " differential " << differential;
    }
  }
}

}  // namespace
}  // namespace benchgate::profile
