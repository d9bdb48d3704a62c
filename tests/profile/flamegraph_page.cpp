#include "tests/profile/flamegraph_page.h"

#include <random>
#include <stdexcept>
#include <vector>

#include "tests/support/process.h"
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

// The result travels back through --dump-dom as the text of #result; '<', '>' and '&' are
// written as JSON escapes so that the serialised DOM holds no entities to decode.
std::string page_html(std::string_view check_js) {
  return R"html(<!DOCTYPE html><html><body><pre id="result">pending</pre>
<iframe id="graph" src="graph.svg" width="1300" height="800"></iframe>
<script>
document.getElementById("graph").addEventListener("load", function () {
  var result;
  try {
    var win = document.getElementById("graph").contentWindow, doc = win.document;
    result = {script_ms: win.benchgateScriptMs,
              frames: doc.getElementById("frames").children.length};
    result.check = (function (win, doc) {
)html" + std::string(check_js) +
         R"html(
    })(win, doc);
  } catch (e) { result = {error: String(e && e.stack || e)}; }
  document.getElementById("result").textContent = JSON.stringify(result).replace(/[<>&]/g,
    function (c) { return "\\u00" + c.charCodeAt(0).toString(16); });
});
</script></body></html>)html";
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
  const auto say = [&](std::string reason) {
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
  };
  if (run_process({"sh", "-c", "command -v chromium"}).exit_code != 0) {
    return say("chromium is not installed (apt-get install chromium; scripts/deps.sh)");
  }
  TempDir dir("benchgate-chromium");
  write_file(dir / "graph.svg", with_script_timing(svg));
  write_file(dir / "page.html", page_html(check_js));
  ProcessOptions slow_start;
  slow_start.timeout_seconds = 120;
  // No network: the SVG is self-contained, and nothing may be resolved or fetched.
  const auto run = run_process(
      {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--no-first-run", "--no-default-browser-check", "--host-resolver-rules=MAP * ~NOTFOUND",
       "--allow-file-access-from-files", "--user-data-dir=" + (dir / "profile").string(),
       "--dump-dom", "file://" + (dir / "page.html").string()},
      slow_start);
  if (run.exit_code != 0 && run.out.find("id=\"result\"") == std::string::npos) {
    return say("chromium could not start (exit " + std::to_string(run.exit_code) +
               "): " + run.err.substr(0, 400));
  }
  const std::string open = "<pre id=\"result\">";
  const auto begin = run.out.find(open);
  const auto end = begin == std::string::npos ? begin : run.out.find("</pre>", begin);
  if (end == std::string::npos) {
    throw std::runtime_error("no result in chromium's DOM dump: " + run.out.substr(0, 400));
  }
  const auto text = run.out.substr(begin + open.size(), end - begin - open.size());
  if (text == "pending")
    throw std::runtime_error("the SVG never loaded: " + run.err.substr(0, 400));
  const auto result = nlohmann::json::parse(text);
  if (result.contains("error")) {
    throw std::runtime_error("the page's check failed: " + result["error"].get<std::string>());
  }
  PageResult page;
  page.script_ms = result.at("script_ms").get<double>();
  page.frames = result.at("frames").get<std::size_t>();
  page.check = result.value("check", nlohmann::json());
  return page;
}

}  // namespace benchgate::testing
