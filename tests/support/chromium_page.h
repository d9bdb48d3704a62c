#pragma once
// A page opened in headless Chromium (Debian's `chromium`, network disabled), with a check
// script run against it: the one harness of the browser tests (the flame graph SVG, the history
// dashboard) and of the benchmarks that time those pages in bench/.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace benchgate::testing {

struct ChromiumOptions {
  int width = 1300;  // of the frame the page is shown in
  int height = 800;
  // 0: the check runs when the page has loaded and its result is read right after, so scripts'
  // timings are real time. Otherwise the result is read after this much *virtual* time, so the
  // check may return a Promise that waits for timers, animation frames and observers (under
  // virtual time, performance.now() no longer measures real work).
  int virtual_time_budget_ms = 0;
};

// Opens `page`, a file in `directory`, in an iframe of a harness page written beside it. Once it
// has loaded, the body of `check_js` runs as a function of (win, doc) — the page's window and
// document — and what it returns (or what the Promise it returns resolves to) comes back as JSON.
// A waiting check may call progress(text): if the result is read before it finishes, the error
// names the last such text. Returns nullopt, with the reason in `why_not`, when Chromium is missing
// or cannot start here; throws std::runtime_error when the page or the check fails.
std::optional<nlohmann::json> check_in_chromium(const std::filesystem::path& directory,
                                                const std::string& page, std::string_view check_js,
                                                std::string* why_not,
                                                const ChromiumOptions& options = {});

}  // namespace benchgate::testing
