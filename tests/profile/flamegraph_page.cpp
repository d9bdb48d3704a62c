#include "tests/profile/flamegraph_page.h"

#include <random>
#include <stdexcept>
#include <vector>

#include "tests/support/chromium_page.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

using profile::FrameTrie;
using profile::NodeId;

std::string template_name(std::size_t i) {
  return "ns" + std::to_string(i % 17) + "::detail::Handler<std::vector<std::basic_string<char>, " +
         "std::allocator<std::basic_string<char> > >, " + std::to_string(i % 5) + ">::process_" +
         std::to_string(i) + "(unsigned long, Options const&)";
}

// Every script the SVG runs is timed by its own window, from just before its element to just
// after it: an XML document runs each <script> synchronously when the parser reaches its end, so
// this is the script's parse, compile and run before the page is first shown, and nothing else
// (not the XML parsing of the frames or of a data element such as the frame table).
std::string with_script_timing(const std::string& svg) {
  constexpr std::string_view kStart = "<script>var benchgateStart = performance.now();</script>";
  constexpr std::string_view kStop =
      "<script>window.benchgateScriptMs = (window.benchgateScriptMs || 0) + "
      "performance.now() - benchgateStart;</script>";
  std::string out;
  std::size_t at = 0, timed = 0;
  for (std::size_t open; (open = svg.find("<script", at)) != std::string::npos;) {
    const auto close = svg.find("</script>", open);
    if (close == std::string::npos) throw std::runtime_error("unterminated <script> in the SVG");
    const auto end = close + std::string_view("</script>").size();
    const auto tag = std::string_view(svg).substr(open, svg.find('>', open) - open);
    const bool runs = tag.find("application/json") == std::string_view::npos;
    out.append(svg, at, open - at);
    if (runs) out += kStart;
    out.append(svg, open, end - open);
    if (runs) out += kStop;
    timed += runs;
    at = end;
  }
  out.append(svg, at);
  if (timed == 0) throw std::runtime_error("the SVG has no script to time");
  return out;
}

// The flame graph in the shared harness: the SVG's own timing and frame count, then the check.
std::string flamegraph_check(std::string_view check_js) {
  return R"js(
    var result = {script_ms: win.benchgateScriptMs,
                  frames: doc.getElementById("frames").children.length};
    result.check = (function (win, doc) {
)js" + std::string(check_js) +
         R"js(
    })(win, doc);
    return result;
)js";
}

}  // namespace

ManyFramesProfile many_frames_diff_profile(std::size_t stacks) {
  constexpr std::size_t kPool = 3000;
  std::vector<std::string> pool;
  for (std::size_t i = 0; i < kPool; ++i) pool.push_back(template_name(i));
  ManyFramesProfile out;
  FrameTrie& trie = out.trie;
  std::mt19937_64 random(35000);
  const auto main_node = trie.child(profile::kRootNode, trie.intern("main"));
  for (std::size_t s = 0; s < stacks; ++s) {
    NodeId node = trie.child(main_node, trie.intern("app::run_" + std::to_string(s % 4) + "()"));
    node = trie.child(node, trie.intern("app::dispatch_" + std::to_string(s % 16) + "()"));
    // The first frame below dispatch_J is pool[s % 3000]: two stacks under the same dispatch_J
    // differ by a multiple of 16 (< 6000, the least common multiple), so it is theirs alone.
    node = trie.child(node, trie.intern(pool[s % kPool]));
    for (std::size_t d = 4; d < kManyFramesDepth; ++d) {
      node = trie.child(node, trie.intern(pool[random() % kPool]));
    }
    const std::uint64_t base = 5 + random() % 11, head = 5 + random() % 11;
    trie.add_samples(node, profile::kBase, base);
    trie.add_samples(node, profile::kHead, head);
    out.dispatch_head_samples[s % 16] += head;
    out.head_samples += head;
  }
  return out;
}

std::optional<PageResult> open_in_chromium(const std::string& svg, std::string_view check_js,
                                           std::string* why_not) {
  TempDir dir("benchgate-flamegraph-page");
  write_file(dir / "graph.svg", with_script_timing(svg));
  const auto result =
      check_in_chromium(dir.path(), "graph.svg", flamegraph_check(check_js), why_not);
  if (!result) return std::nullopt;
  PageResult page;
  page.script_ms = result->at("script_ms").get<double>();
  page.frames = result->at("frames").get<std::size_t>();
  page.check = result->value("check", nlohmann::json());
  return page;
}

}  // namespace benchgate::testing
