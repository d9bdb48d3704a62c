// The history dashboard opening in headless Chromium (target, docs/history.md#the-dashboard:
// under 1 s for 100 benchmarks x 1,000 jobs). The time is manual: from the page's navigation
// start (its own performance.now() origin) to the overview built and every chart within a
// screen of the viewport drawn — the HTML and its 4 MB of data parsed, Chart.js compiled, the
// dashboard's script run, layout done. Chromium's own start-up is not in it. Skipped with the
// reason where Chromium cannot start.
#include <benchmark/benchmark.h>

#include "reporters/history_site.h"
#include "tests/reporters/history_fixtures.h"
#include "tests/support/chromium_page.h"
#include "tests/support/temp_dir.h"

namespace {

// Draws what the page's observer would draw first (sections within a screen of the viewport),
// then reads the clock; the first chart is also timed alone, scrolled to.
constexpr const char* kOpenCheck = R"js(
  var dash = win.benchgateDashboard, drawn = 0;
  dash.sections.forEach(function (section, i) {
    if (section.getBoundingClientRect().top < 2 * win.innerHeight) { dash.draw(i); drawn++; }
  });
  var opened = win.performance.now();
  var first = dash.data.order[0];
  dash.sections[first].scrollIntoView();
  var started = win.performance.now();
  if (dash.charts[first]) { dash.charts[first].destroy(); dash.charts[first] = undefined; }
  dash.draw(first);
  return {opened_ms: opened, drawn: drawn, first_chart_ms: win.performance.now() - started};
)js";

void BM_HistoryDashboardOpens(benchmark::State& state) {
  const auto series = static_cast<std::size_t>(state.range(0));
  const auto points = static_cast<std::size_t>(state.range(1));
  benchgate::testing::TempDir dir("benchgate-dashboard-bench");
  benchgate::report::write_history_site(
      benchgate::testing::synthetic_history(series, points, "https://forge.test/o/r/commit/"),
      dir.path());
  double drawn = 0, first_chart_ms = 0;
  for (auto _ : state) {
    std::string why_not;
    const auto result =
        benchgate::testing::check_in_chromium(dir.path(), "index.html", kOpenCheck, &why_not);
    if (!result) {
      state.SkipWithError(why_not.c_str());
      return;
    }
    state.SetIterationTime(result->at("opened_ms").get<double>() / 1000);
    drawn = result->at("drawn").get<double>();
    first_chart_ms = result->at("first_chart_ms").get<double>();
  }
  state.counters["charts_drawn"] = drawn;
  state.counters["first_chart_ms"] = first_chart_ms;
  state.counters["page_MB"] =
      static_cast<double>(std::filesystem::file_size(dir / "index.html")) / 1e6;
}
BENCHMARK(BM_HistoryDashboardOpens)
    ->Args({100, 1000})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
