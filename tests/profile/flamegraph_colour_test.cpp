// Colour of differential flame graphs: the diverging scale's published points, and on a real diff
// (tests/data/profile/string_join_*.folded, the demo's shape: a leaf grows under a parent whose
// total share shrinks) which frame is the reddest, what the legend says, and what --colour-by
// total changes. Frames are read back by python3's XML parser, not by our code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "profile/diverging_colour.h"
#include "profile/flamegraph_svg.h"
#include "profile/profile_loader.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::profile_data;
using benchgate::testing::run_process;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using ::testing::HasSubstr;

constexpr const char* kMutate =
    "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> "
    ">::_M_mutate(unsigned long, unsigned long, char const*, unsigned long)";

// Relative luminance (WCAG) of "#rrggbb": how light a colour looks.
double luminance(const std::string& hex) {
  double sum = 0;
  const double weights[3] = {0.2126, 0.7152, 0.0722};
  for (int i = 0; i < 3; ++i) {
    const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    sum += weights[i] * (c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
  }
  return sum;
}

TEST(DivergingColour, HitsTheMapsPublishedPointsAndDarkensEvenlyBothWays) {
  // Moreland's cool-warm map at 0, 1/4, 1/2, 3/4, 1 (matplotlib's "coolwarm" table).
  EXPECT_EQ(diverging_colour(-1), "#3b4cc0");
  EXPECT_EQ(diverging_colour(-0.5), "#8db0fe");
  EXPECT_EQ(diverging_colour(0), "#dddddd");
  EXPECT_EQ(diverging_colour(0.5), "#f49a7b");
  EXPECT_EQ(diverging_colour(1), "#b40426");
  EXPECT_EQ(diverging_colour(7), "#b40426");  // clamped
  EXPECT_EQ(diverging_colour(std::nan("")), "#dddddd");
  // A larger change is never lighter, on either side of 0.
  for (double t = 0.05; t <= 1.0001; t += 0.05) {
    EXPECT_LT(luminance(diverging_colour(t)), luminance(diverging_colour(t - 0.05))) << t;
    EXPECT_LT(luminance(diverging_colour(-t)), luminance(diverging_colour(-t + 0.05))) << t;
  }
}

// Prints one line per drawn frame: its fill, a tab, its name (from the frame table), then the
// legend's texts, one per line after "legend".
const char* kFrames = R"py(
import sys, json, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
byid = {g.getAttribute("id"): g for g in doc.getElementsByTagName("g")}
data = json.loads([s for s in doc.getElementsByTagName("script")
                   if s.getAttribute("id") == "frame-data"][0].firstChild.data)
gs = [n for n in byid["frames"].childNodes if n.nodeType == n.ELEMENT_NODE]
for i, g in enumerate(gs):
    print(g.getElementsByTagName("rect")[0].getAttribute("fill") + "\t" + data["names"][data["frames"][5 * i]])
print("legend")
for t in byid["legend"].getElementsByTagName("text"):
    print(t.firstChild.data)
)py";

struct Drawn {
  std::map<std::string, std::string> fill;  // by frame name (each name is drawn once here)
  std::vector<std::string> legend;
};

Drawn drawn(const std::string& svg) {
  TempDir dir;
  write_file(dir / "g.svg", svg);
  write_file(dir / "frames.py", kFrames);
  const auto result =
      run_process({"/usr/bin/python3", (dir / "frames.py").string(), (dir / "g.svg").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  Drawn out;
  std::stringstream in(result.out);
  bool legend = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "legend") {
      legend = true;
    } else if (legend) {
      out.legend.push_back(line);
    } else {
      const auto tab = line.find('\t');
      out.fill[line.substr(tab + 1)] = line.substr(0, tab);
    }
  }
  return out;
}

std::string render_string_join(ColourBy colour_by, NoiseRule noise = {}) {
  FrameTrie trie;
  load_profile_into(profile_data("string_join_base.folded").string(), trie, kBase, {});
  load_profile_into(profile_data("string_join_head.folded").string(), trie, kHead, {});
  RenderOptions options;
  options.differential = true;
  options.colour_by = colour_by;
  options.noise = noise;
  return render_flamegraph_svg(trie, options);
}

// Shares by hand (base 2000 samples, head 2500): _M_mutate's self 100 -> 375 samples, 5% -> 15%
// (+10 pp, the largest change); [libbenchmark.so]'s self 5% -> 5% while its total falls 70% ->
// 66%; __memcpy's self 30% -> 22% (-8 pp); join's self 10% -> 4%.
TEST(FlamegraphColour, ByDefaultTheLeafThatGrewIsTheReddestNotItsShrinkingParent) {
  const auto svg = render_string_join(ColourBy::kSelf);
  const Drawn d = drawn(svg);
  ASSERT_EQ(d.fill.size(), 13u);                         // all, main and the 11 frames below it
  EXPECT_EQ(d.fill.at(kMutate), "#b40426");              // +10 of 10: the scale's red end
  EXPECT_EQ(d.fill.at("[libbenchmark.so]"), "#dddddd");  // self unchanged: neutral grey
  EXPECT_EQ(d.fill.at("main"), "#dddddd");
  for (const auto& [name, fill] : d.fill) {
    if (name == kMutate) continue;
    EXPECT_NE(fill, "#b40426") << name;
  }
  // memcpy (-8 pp) is blue: blue above red, and darker than malloc's pale red (+2 pp).
  const std::string memcpy = d.fill.at("__memcpy_avx_unaligned_erms");
  EXPECT_GT(std::stoi(memcpy.substr(5, 2), nullptr, 16),
            std::stoi(memcpy.substr(1, 2), nullptr, 16));
  EXPECT_LT(luminance(memcpy), luminance(d.fill.at("malloc")));
  // The legend: what is coloured, and the symmetric ends in % of the samples.
  EXPECT_THAT(d.legend, ::testing::ElementsAre("colour = change of self share, % of samples:",
                                               "-10.00%", "0", "+10.00%", "blue shrank, red grew"));
  EXPECT_THAT(svg, HasSubstr("<linearGradient id=\"legend-scale\">"));
}

// --colour-by total: _M_mutate's total 11% -> 23% (+12 pp, with malloc below it) is the end of
// the scale. [libbenchmark.so]'s total -4 pp has |z| = 0.04 / sqrt(0.678 x 0.322 x (1/2000 +
// 1/2500)) = 2.85: below the noise rule's 3, it is grey, as the table leaves it out; with
// min_z 2 it is blue.
TEST(FlamegraphColour, ColourByTotalColoursInclusiveChanges) {
  const Drawn d = drawn(render_string_join(ColourBy::kTotal));
  EXPECT_EQ(d.fill.at(kMutate), "#b40426");
  EXPECT_EQ(d.fill.at("[libbenchmark.so]"), "#dddddd");
  const std::string parent =
      drawn(render_string_join(ColourBy::kTotal, {20, 2.0})).fill.at("[libbenchmark.so]");
  EXPECT_NE(parent, "#dddddd");
  EXPECT_GT(std::stoi(parent.substr(5, 2), nullptr, 16),
            std::stoi(parent.substr(1, 2), nullptr, 16));
  EXPECT_EQ(d.fill.at("main"), "#dddddd");  // 100% on both sides
  EXPECT_THAT(d.legend, ::testing::ElementsAre("colour = change of total share, % of samples:",
                                               "-12.00%", "0", "+12.00%", "blue shrank, red grew"));
}

}  // namespace
}  // namespace benchgate::profile
