// The dashboard in a real browser (headless Chromium, network disabled, through
// tests/support/chromium_page.h): it draws every series lazily and fetches nothing, a click on a
// point opens its commit, the tooltip describes the point, the filter hides what does not match,
// change points are drawn and listed, and hostile names and subjects stay text. Skipped, with the
// reason printed, where Chromium cannot run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reporters/history_site.h"
#include "tests/reporters/history_fixtures.h"
#include "tests/support/chromium_page.h"
#include "tests/support/temp_dir.h"

namespace benchgate::report {
namespace {
using benchgate::testing::check_in_chromium;
using benchgate::testing::ChromiumOptions;
using benchgate::testing::set_subject;
using benchgate::testing::synthetic_commit;
using benchgate::testing::synthetic_history;
using benchgate::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

// Helpers every check starts with. Most checks run synchronously when the page has loaded (a
// chart drawn through the page's own draw(), a real click event handled as it comes); only the
// lazy drawing waits, under virtual time, for the page's observer.
constexpr std::string_view kPrelude = R"js(
  var dash = win.benchgateDashboard;
  function drawn(i) { dash.draw(i); return dash.charts[i]; }
  // A real mouse event at the pixel of point `index` of a chart's level line.
  function clicked(chart, index) {
    var point = chart.getDatasetMeta(2).data[index], box = chart.canvas.getBoundingClientRect();
    chart.canvas.dispatchEvent(new win.MouseEvent("click", {bubbles: true, cancelable: true,
      clientX: box.left + point.x, clientY: box.top + point.y, view: win}));
  }
  // The tooltip Chart.js shows for point `index` (as on hover), built by the page's callbacks.
  function tooltip(chart, index) {
    var point = chart.getDatasetMeta(2).data[index];
    chart.tooltip.setActiveElements([{datasetIndex: 2, index: index}], {x: point.x, y: point.y});
    return {title: chart.tooltip.title, body: chart.tooltip.body.map(function (b) { return b.lines; })};
  }
  function opened() {
    var urls = [];
    win.open = function (url) { urls.push(url); return null; };
    return urls;
  }
)js";

std::optional<nlohmann::json> check_site(const History& history, std::string_view check,
                                         std::string* why_not, bool wait = false) {
  TempDir dir("benchgate-dashboard");
  write_history_site(history, dir.path());
  ChromiumOptions options;
  if (wait) options.virtual_time_budget_ms = 10000;
  return check_in_chromium(dir.path(), "index.html", std::string(kPrelude) + std::string(check),
                           why_not, options);
}

TEST(HistorySiteChromium, DrawsEverySeriesLazilyAndFetchesNothing) {
  std::string why_not;
  const auto result = check_site(synthetic_history(30, 50, "https://forge.test/o/r/commit/"), R"js(
    // Polls with timers, which advance virtual time; the page's observer draws in a rendering
    // frame (one only: a wait for frames after a scroll proved unreliable under virtual time).
    function observed(i) {
      return new Promise(function (done, fail) {
        var tries = 0;
        progress("the page drawing series " + i);
        (function poll() {
          if (dash.charts[i]) done(dash.charts[i]);
          else if (++tries > 300) fail("the page never drew series " + i);
          else win.setTimeout(poll, 10);
        })();
      });
    }
    var first = dash.data.order[0];
    return observed(first).then(function () {
      var r = {drawnAtFirst: dash.charts.filter(Boolean).length};
      // The rest are drawn here the way the page draws a section scrolled to.
      dash.sections.forEach(function (section, i) { dash.draw(i); });
      r.canvases = doc.querySelectorAll("#series canvas").length;
      r.rows = doc.querySelectorAll("#overview tbody tr").length;
      r.charts = dash.charts.filter(Boolean).length;
      r.points = dash.charts.map(function (c) { return c.getDatasetMeta(2).data.length; });
      r.resources = win.performance.getEntriesByType("resource").map(function (e) { return e.name; })
        .filter(function (url) { return url.indexOf("file:") !== 0; });
      return r;
    });
  )js",
                                 &why_not, /*wait=*/true);
  if (!result) GTEST_SKIP() << why_not;
  const auto& r = *result;
  // Only what is near the viewport at first.
  EXPECT_GT(r["drawnAtFirst"].get<int>(), 0);
  EXPECT_LT(r["drawnAtFirst"].get<int>(), 30);
  EXPECT_EQ(r["canvases"], 30);
  EXPECT_EQ(r["rows"], 30);
  EXPECT_EQ(r["charts"], 30);
  EXPECT_EQ(r["points"], nlohmann::json(std::vector<int>(30, 50)));
  EXPECT_EQ(r["resources"], nlohmann::json::array());
}

// A real click at a point's pixel opens its commit's page; hovering shows its tooltip.
TEST(HistorySiteChromium, ClickingAPointOpensItsCommit) {
  const std::string prefix = "https://forge.test/o/r/commit/";
  std::string why_not;
  const auto result = check_site(synthetic_history(3, 40, prefix), R"js(
    var urls = opened(), i = dash.data.order[0], chart = drawn(i);
    var shown = tooltip(chart, 17);
    clicked(chart, 17);
    return {series: dash.data.series[i].benchmark, urls: urls, tooltip: shown,
            selected: doc.getElementById("selected").textContent};
  )js",
                                 &why_not);
  if (!result) GTEST_SKIP() << why_not;
  const auto& r = *result;
  EXPECT_EQ(r["series"], "bench_2");  // the latest change (fixture) comes first
  EXPECT_EQ(r["urls"], nlohmann::json({prefix + synthetic_commit(17)}));
  const auto tooltip = r["tooltip"].dump();
  EXPECT_THAT(tooltip, HasSubstr(synthetic_commit(17).substr(0, 10)));
  EXPECT_THAT(tooltip, HasSubstr("commit 17: tune the parser"));
  EXPECT_THAT(tooltip, HasSubstr("2025-10-26"));  // 1,760,000,000 s + 17 days
  EXPECT_THAT(tooltip, HasSubstr("level "));
  EXPECT_THAT(tooltip, HasSubstr("interval "));
  EXPECT_THAT(r["selected"].get<std::string>(), HasSubstr("commit 17: tune the parser"));
}

// Without a forge to link to, a click shows the commit id and opens nothing.
TEST(HistorySiteChromium, WithoutACommitUrlAClickShowsTheId) {
  std::string why_not;
  const auto result = check_site(synthetic_history(1, 20, ""), R"js(
    var urls = opened();
    clicked(drawn(0), 4);
    var box = doc.getElementById("selected");
    return {urls: urls, text: box.textContent, links: box.querySelectorAll("a").length,
            pageLinks: doc.querySelectorAll("#series a").length};
  )js",
                                 &why_not);
  if (!result) GTEST_SKIP() << why_not;
  EXPECT_EQ((*result)["urls"], nlohmann::json::array());
  EXPECT_THAT((*result)["text"].get<std::string>(), HasSubstr(synthetic_commit(4).substr(0, 10)));
  EXPECT_EQ((*result)["links"], 0);
  EXPECT_EQ((*result)["pageLinks"], 0);
}

TEST(HistorySiteChromium, TheFilterShowsOnlyMatchingSeries) {
  std::string why_not;
  const auto result = check_site(synthetic_history(12, 10, ""), R"js(
    function visible(selector) {
      return Array.prototype.filter.call(doc.querySelectorAll(selector), function (e) { return !e.hidden; }).length;
    }
    var box = doc.getElementById("filter"), r = {before: visible("section.series")};
    box.value = "BENCH_1";  // bench_1, bench_10, bench_11, whatever the case
    box.dispatchEvent(new win.Event("input", {bubbles: true}));
    r.sections = visible("section.series");
    r.rows = visible("#overview tbody tr");
    r.shown = doc.getElementById("shown").textContent;
    box.value = "";
    box.dispatchEvent(new win.Event("input", {bubbles: true}));
    r.after = visible("section.series");
    return r;
  )js",
                                 &why_not);
  if (!result) GTEST_SKIP() << why_not;
  EXPECT_EQ(result->dump(),
            R"({"after":12,"before":12,"rows":3,"sections":3,"shown":"3 of 12 series"})");
}

// The change is listed with its levels and flame graph, and drawn: the pixels of its dashed
// line (red for a slowdown) are on the canvas.
TEST(HistorySiteChromium, ChangePointsAreDrawnAndListed) {
  auto history = synthetic_history(1, 40, "");
  history.series[0].changes[0].flamegraph = "flamegraphs/bench_0-10.svg";
  auto second = history.series[0].changes[0];
  second.index = 30;
  second.flamegraph = "javascript:alert(1)";  // never linked
  history.series[0].changes.push_back(second);
  std::string why_not;
  const auto result = check_site(history, R"js(
    var chart = drawn(0), c = dash.data.series[0].changes[0], area = chart.chartArea;
    var x = Math.round(chart.scales.x.getPixelForValue(c.index - 0.5) * win.devicePixelRatio);
    var top = Math.round(area.top * win.devicePixelRatio), height = Math.round((area.bottom - area.top) * win.devicePixelRatio);
    var pixels = chart.ctx.getImageData(x - 1, top, 3, height).data, red = 0;
    for (var p = 0; p < pixels.length; p += 4) if (pixels[p] > 150 && pixels[p + 1] < 60) red++;
    var items = doc.querySelectorAll(".changes li");
    return {red: red, items: Array.prototype.map.call(items, function (li) { return li.textContent; }),
            links: Array.prototype.map.call(doc.querySelectorAll(".changes a[href^='flamegraphs']"),
                                            function (a) { return a.getAttribute("href"); }),
            scriptLinks: doc.querySelectorAll("a[href^='javascript']").length};
  )js",
                                 &why_not);
  if (!result) GTEST_SKIP() << why_not;
  EXPECT_GT((*result)["red"].get<int>(), 20);
  ASSERT_EQ((*result)["items"].size(), 2u);
  const auto first = (*result)["items"][0].get<std::string>();
  EXPECT_THAT(first, HasSubstr("+10.0% at " + synthetic_commit(10).substr(0, 10)));
  EXPECT_THAT(first, HasSubstr("100 ns [99.5 ns, 100.5 ns] → 110 ns [109.5 ns, 110.5 ns]"));
  EXPECT_THAT(first, HasSubstr("differential flame graph"));
  EXPECT_THAT((*result)["items"][1].get<std::string>(), Not(HasSubstr("flame graph")));
  EXPECT_EQ((*result)["links"], nlohmann::json({"flamegraphs/bench_0-10.svg"}));
  EXPECT_EQ((*result)["scriptLinks"], 0);
}

// Names and subjects that would be markup or script anywhere else are shown as text and run
// nothing: not in the data element, the headings, the overview, the change list or the tooltip.
TEST(HistorySiteChromium, HostileNamesAndSubjectsAreText) {
  auto history = synthetic_history(2, 12, "https://forge.test/o/r/commit/");
  const std::string name =
      "</script><img src=x onerror=\"parent.pwned=1;pwned=1\"><script>pwned=2</script>'\"\u2028";
  const std::string subject = "<b onmouseover=pwned=3>bold</b></script><svg onload=pwned=4>\u2029";
  history.series[0].benchmark = name;
  for (auto& p : history.series[0].points) set_subject(p, subject);
  std::string why_not;
  const auto result = check_site(history, R"js(
    var urls = opened(), i = dash.data.series[0].benchmark.indexOf("<\/script>") === 0 ? 0 : 1;
    var chart = drawn(i), shown = tooltip(chart, 3);
    clicked(chart, 3);
    return {pwned: String(win.pwned) + String(win.parent.pwned),
            elements: doc.querySelectorAll("img, b, svg, #series script, #overview script").length,
            heading: dash.sections[i].querySelector("h2").textContent,
            row: doc.querySelector("#overview a[href='#series-" + i + "']").textContent,
            tooltip: shown.title, selected: doc.getElementById("selected").textContent, urls: urls.length};
  )js",
                                 &why_not);
  if (!result) GTEST_SKIP() << why_not;
  const auto& r = *result;
  EXPECT_EQ(r["pwned"], "undefinedundefined");
  EXPECT_EQ(r["elements"], 0);
  EXPECT_THAT(r["heading"].get<std::string>(), HasSubstr("micro/" + name));
  EXPECT_EQ(r["row"], "micro/" + name);
  EXPECT_THAT(r["tooltip"].dump(), HasSubstr(nlohmann::json(subject).dump().substr(1, 20)));
  EXPECT_THAT(r["selected"].get<std::string>(), HasSubstr(subject));
  EXPECT_EQ(r["urls"], 1);
}

}  // namespace
}  // namespace benchgate::report
