#include "tests/support/chromium_page.h"

#include <stdexcept>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

constexpr const char* kHarnessName = "benchgate-harness.html";

// The result travels back through --dump-dom as the text of #result; '<', '>' and '&' are
// written as JSON escapes so that the serialised DOM holds no entities to decode.
std::string harness_html(const std::string& page, std::string_view check_js,
                         const ChromiumOptions& options) {
  return R"html(<!DOCTYPE html><html><body style="margin:0"><pre id="result">pending</pre>
<iframe id="page" src=")html" +
         page + "\" width=\"" + std::to_string(options.width) + "\" height=\"" +
         std::to_string(options.height) + R"html(" style="border:0"></iframe>
<script>
var finished = false;
function report(result) {
  finished = !result.pending;
  document.getElementById("result").textContent = JSON.stringify(result).replace(/[<>&]/g,
    function (c) { return "\\u00" + c.charCodeAt(0).toString(16); });
}
function failed(e) { report({error: String(e && e.stack || e)}); }
// What a check that waits is waiting for, shown if the result is read before it finishes.
function progress(what) { if (!finished) report({pending: String(what)}); }
document.getElementById("page").addEventListener("load", function () {
  try {
    var win = document.getElementById("page").contentWindow, doc = win.document;
    Promise.resolve((function (win, doc) {
)html" + std::string(check_js) +
         R"html(
    })(win, doc)).then(function (check) { report({check: check}); }, failed);
  } catch (e) { failed(e); }
});
</script></body></html>)html";
}

}  // namespace

std::optional<nlohmann::json> check_in_chromium(const std::filesystem::path& directory,
                                                const std::string& page, std::string_view check_js,
                                                std::string* why_not,
                                                const ChromiumOptions& options) {
  const auto say = [&](std::string reason) {
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
  };
  if (run_process({"sh", "-c", "command -v chromium"}).exit_code != 0) {
    return say("chromium is not installed (apt-get install chromium; scripts/deps.sh)");
  }
  write_file(directory / kHarnessName, harness_html(page, check_js, options));
  TempDir profile("benchgate-chromium");
  ProcessOptions slow_start;
  slow_start.timeout_seconds = 120;
  // No network: the pages are self-contained, and nothing may be resolved or fetched.
  std::vector<std::string> argv = {"chromium",
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-extensions",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--host-resolver-rules=MAP * ~NOTFOUND",
                                   "--allow-file-access-from-files",
                                   "--hide-scrollbars",
                                   "--window-size=" + std::to_string(options.width + 20) + "," +
                                       std::to_string(options.height + 100),
                                   "--user-data-dir=" + profile.path().string()};
  if (options.virtual_time_budget_ms > 0) {
    argv.push_back("--virtual-time-budget=" + std::to_string(options.virtual_time_budget_ms));
  }
  argv.push_back("--dump-dom");
  argv.push_back("file://" + (directory / kHarnessName).string());
  const auto run = run_process(argv, slow_start);
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
  if (text == "pending") {
    throw std::runtime_error(
        page + " never loaded, or its check never finished: " + run.err.substr(0, 400));
  }
  const auto result = nlohmann::json::parse(text);
  if (result.contains("pending")) {
    throw std::runtime_error(page + ": the check never finished, still waiting for " +
                             result["pending"].get<std::string>());
  }
  if (result.contains("error")) {
    throw std::runtime_error("the page's check failed: " + result["error"].get<std::string>());
  }
  return result.value("check", nlohmann::json());
}

}  // namespace benchgate::testing
