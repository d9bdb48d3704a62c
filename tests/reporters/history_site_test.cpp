// The dashboard's files as written (reporters/history_site.h): what the page holds, that its data
// survives hostile text as data, and that nothing in the site points outside it. What the page
// does in a browser is history_site_chromium_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "reporters/history_site.h"
#include "reporters/history_site_data.h"
#include "tests/reporters/history_fixtures.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::report {
namespace {
using benchgate::testing::read_file;
using benchgate::testing::set_subject;
using benchgate::testing::synthetic_history;
using benchgate::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kDataStart = R"(<script type="application/json" id="history-data">)";
const char* kFiles[] = {"index.html", "chart.js", "dashboard.js", "dashboard.css"};

// The data element's text, parsed as the page parses it.
nlohmann::json page_data(const std::string& page) {
  const auto begin = page.find(kDataStart);
  EXPECT_NE(begin, std::string::npos);
  const auto text_begin = begin + std::string(kDataStart).size();
  const auto end = page.find("</script>", text_begin);
  return nlohmann::json::parse(page.substr(text_begin, end - text_begin));
}

TEST(HistorySite, WritesThePageTheChartLibraryAndTheData) {
  TempDir dir("benchgate-site");
  write_history_site(synthetic_history(3, 20, "https://example.test/o/r/commit/"), dir / "site");
  for (const char* name : kFiles) EXPECT_TRUE(std::filesystem::exists(dir / "site" / name)) << name;
  // Chart.js is MIT: its header travels with it.
  const auto chart = read_file(dir / "site" / "chart.js");
  EXPECT_THAT(chart, HasSubstr("Chart.js v"));
  EXPECT_THAT(chart, HasSubstr("Released under the MIT License"));
  // Embedded byte for byte, though cut into literals of 8,000 bytes at build time.
  for (const char* name : {"dashboard.js", "dashboard.css"}) {
    EXPECT_EQ(read_file(dir / "site" / name),
              read_file(benchgate::testing::source_dir() / "reporters" / "site" / name))
        << name;
  }
  const auto data = page_data(read_file(dir / "site" / "index.html"));
  ASSERT_EQ(data["series"].size(), 3u);
  EXPECT_EQ(data["commits"].size(), 20u);  // shared by the three series
  EXPECT_EQ(data["series"][0]["e"].size(), 20u);
  EXPECT_EQ(data["commits"][5][0], benchgate::testing::synthetic_commit(5));
  EXPECT_EQ(data["series"][0]["changes"][0]["index"], 5u);
}

// Latest change first (most recent, then largest); series without a change after, by name.
TEST(HistorySite, OverviewOrderPutsTheLatestChangeFirst) {
  auto history = synthetic_history(6, 40, "");
  // Changes at 10 (bench_0, +10%), 30 (bench_2, -8%), 20 (bench_4, +10%); make bench_0's change
  // as recent as bench_2's but smaller.
  history.series[0].changes[0].index = 30;
  history.series[0].changes[0].ratio = 1.05;
  const auto data = nlohmann::json::parse(history_site_json(history));
  EXPECT_EQ(data["order"], nlohmann::json({2, 0, 4, 1, 3, 5}));
}

TEST(HistorySite, HostileTextStaysDataInsideTheScriptElement) {
  auto history = synthetic_history(2, 5, "");
  const std::string name = "</script><img src=x onerror=alert(1)><!-- \"quoted\" & 'single'";
  const std::string subject = "line\u2028separator\u2029</SCRIPT>&amp;";
  history.series[0].benchmark = name;
  for (auto& series : history.series)
    set_subject(series.points[3], subject);  // one commit, one subject
  TempDir dir("benchgate-site");
  write_history_site(history, dir.path());
  const auto page = read_file(dir / "index.html");
  const auto begin = page.find(kDataStart);
  const auto end = page.find("</script>", begin);
  const auto element = page.substr(begin, end - begin);
  for (const char* raw : {"<img", "<!--", "&amp;", "\u2028", "\u2029", "</SCRIPT"}) {
    EXPECT_THAT(element, Not(HasSubstr(raw))) << raw;
  }
  const auto data = page_data(page);
  EXPECT_EQ(data["series"][0]["benchmark"], name);
  EXPECT_EQ(data["commits"][3][2], subject);
  EXPECT_EQ(script_safe_json("\"<a href='x'>&</a>\""),
            "\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"");
}

// The site works offline: no file names anything outside it. The only URLs are the license
// headers' (inside /*! ... */ comments) and the commit pages the data links to.
TEST(HistorySite, NamesNothingOutsideTheSite) {
  const std::string prefix = "https://example.test/o/r/commit/";
  TempDir dir("benchgate-site");
  write_history_site(synthetic_history(3, 20, prefix), dir.path());
  for (const char* name : kFiles) {
    std::string text = read_file(dir / name);
    for (std::size_t at; (at = text.find("/*!")) != std::string::npos;) {
      text.erase(at, text.find("*/", at) + 2 - at);
    }
    for (std::size_t at; (at = text.find(prefix)) != std::string::npos;)
      text.erase(at, prefix.size());
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Chart.js's code says toDataURL(; only the style and the page could load a url(...).
    const bool styled = std::string_view(name) != "chart.js";
    for (const char* outside :
         {"http:", "https:", "ftp:", "ws://", "wss:", "file:", "@import",
          styled ? "url(" : "http:", "src=\"//", "href=\"//", "src='//", "href='//"}) {
      const auto at = text.find(outside);
      EXPECT_EQ(at, std::string::npos)
          << name
          << " names something outside the site: " << text.substr(at < 60 ? 0 : at - 60, 160);
    }
  }
  // The page loads exactly the site's own files.
  const auto page = read_file(dir / "index.html");
  EXPECT_THAT(page, HasSubstr(R"(<script src="chart.js">)"));
  EXPECT_THAT(page, HasSubstr(R"(<script src="dashboard.js">)"));
  EXPECT_THAT(page, HasSubstr(R"(<link rel="stylesheet" href="dashboard.css">)"));
}

}  // namespace
}  // namespace benchgate::report
