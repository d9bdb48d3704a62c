#include "reporters/history_site.h"

#include <string>
#include <string_view>

#include "core/atomic_file.h"
#include "reporters/history_site_assets.h"
#include "reporters/history_site_data.h"

namespace benchgate::report {
namespace {

// The page holds no text of the history outside the data element: the script builds every
// element from the data with textContent (reporters/site/dashboard.js), so names and subjects
// are never parsed as HTML.
constexpr std::string_view kPageStart = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>benchgate history</title>
<link rel="stylesheet" href="dashboard.css">
</head>
<body>
<header>
<h1 id="title">benchgate history</h1>
<p id="summary"></p>
<ul id="notes"></ul>
</header>
<main>
<div class="controls">
<input id="filter" type="search" placeholder="Filter by benchmark name" aria-label="Filter by benchmark name" autocomplete="off">
<span id="shown"></span>
</div>
<table id="overview">
<thead><tr><th>benchmark</th><th>metric</th><th>testbed</th><th>latest change</th><th>change</th><th>level</th><th>points</th></tr></thead>
<tbody></tbody>
</table>
<div id="series"></div>
</main>
<div id="selected" role="status" hidden></div>
<script type="application/json" id="history-data">)html";

constexpr std::string_view kPageEnd = R"html(</script>
<script src="chart.js"></script>
<script src="dashboard.js"></script>
</body>
</html>
)html";

}  // namespace

void write_history_site(const History& history, const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  // The page last, so that a page is never there before the assets it loads.
  write_file_atomically(directory / "chart.js", site_chart_js());
  write_file_atomically(directory / "dashboard.js", site_dashboard_js());
  write_file_atomically(directory / "dashboard.css", site_dashboard_css());
  std::string page(kPageStart);
  page += history_site_json(history);
  page += kPageEnd;
  write_file_atomically(directory / "index.html", page);
}

}  // namespace benchgate::report
