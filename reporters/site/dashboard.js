/* The benchgate history dashboard (docs/history.md#the-dashboard).
 * Benchmark names and commit subjects are untrusted: every element is built with textContent
 * and setAttribute from the parsed data, never from HTML text. Charts are drawn only when their
 * section comes near the viewport, so a site of 100 series x 1,000 points opens in under a
 * second (bench/history_site_chromium_bench.cpp); every point is drawn and clickable (nothing is
 * decimated). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("history-data").textContent);
  var prefix = data.commit_url_prefix;
  var charts = [];  // by series index, once drawn
  var sections = [];
  var rows = [];
  // What the browser tests and the bench read and drive (tests/reporters/history_site_chromium_test.cpp).
  window.benchgateDashboard = {data: data, charts: charts, sections: sections};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function commitOf(s, i) { return data.commits[s.c[i]]; }
  function shortId(id) { return id.slice(0, 10); }
  function date(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
  }
  function level(value, unit) {
    return String(+value.toPrecision(4)) + (unit ? " " + unit : "");
  }
  function percent(ratio) {
    var p = (ratio - 1) * 100;
    return (p >= 0 ? "+" : "") + p.toFixed(1) + "%";
  }
  function seriesName(s) { return (s.suite ? s.suite + "/" : "") + s.benchmark; }
  // A commit as a link to its page, or its id as text when the forge is unknown.
  function commitElement(id) {
    if (!prefix) return el("code", shortId(id));
    var a = el("a", shortId(id));
    a.setAttribute("href", prefix + id);
    a.setAttribute("rel", "noopener");
    return a;
  }
  // Flame graph paths are written by benchgate inside the site; anything else is not linked.
  function safeRelative(path) {
    return /^[A-Za-z0-9._\/-]+$/.test(path) && path.indexOf("..") < 0 && path.charAt(0) !== "/";
  }

  function select(s, i) {
    var commit = commitOf(s, i), box = document.getElementById("selected");
    box.hidden = false;
    box.textContent = "";
    box.appendChild(el("span", seriesName(s) + ": "));
    box.appendChild(commitElement(commit[0]));
    box.appendChild(el("span", " " + date(commit[1]) + " " + commit[2] + " — " +
      level(s.e[i], s.unit) + " [" + level(s.l[i], s.unit) + ", " + level(s.h[i], s.unit) + "]"));
    if (prefix) window.open(prefix + commit[0], "_blank", "noopener");
  }

  // Change points: a dashed vertical line between the last point before and the first after,
  // and the levels of the segments either side as short horizontal lines.
  function changeMarks(s) {
    return {id: "benchgateChanges", afterDatasetsDraw: function (chart) {
      var x = chart.scales.x, y = chart.scales.y, ctx = chart.ctx;
      ctx.save();
      ctx.lineWidth = 1.5;
      s.changes.forEach(function (c, k) {
        var at = x.getPixelForValue(c.index - 0.5);
        var from = x.getPixelForValue(k > 0 ? s.changes[k - 1].index : 0);
        var to = x.getPixelForValue(k + 1 < s.changes.length ? s.changes[k + 1].index - 1 : s.e.length - 1);
        ctx.strokeStyle = c.ratio > 1 ? "#b00020" : "#1b7f3b";
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(at, chart.chartArea.top);
        ctx.lineTo(at, chart.chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(from, y.getPixelForValue(c.before));
        ctx.lineTo(at, y.getPixelForValue(c.before));
        ctx.moveTo(at, y.getPixelForValue(c.after));
        ctx.lineTo(to, y.getPixelForValue(c.after));
        ctx.stroke();
        ctx.fillStyle = ctx.strokeStyle;
        ctx.fillText(percent(c.ratio), at + 3, chart.chartArea.top + 10);
      });
      ctx.restore();
    }};
  }

  function draw(index) {
    if (charts[index]) return;
    var s = data.series[index], n = s.e.length;
    var level_ = [], low = [], high = [];
    for (var i = 0; i < n; i++) {
      level_.push({x: i, y: s.e[i]});
      low.push({x: i, y: s.l[i]});
      high.push({x: i, y: s.h[i]});
    }
    var band = {pointRadius: 0, pointHitRadius: 0, pointHoverRadius: 0, borderWidth: 0};
    var canvas = sections[index].querySelector("canvas");
    var chart = new window.Chart(canvas, {
      type: "line",
      data: {datasets: [
        Object.assign({label: "high", data: high, fill: "+1", backgroundColor: "rgba(31,78,156,0.15)"}, band),
        Object.assign({label: "low", data: low, fill: false}, band),
        {label: "level", data: level_, fill: false, borderColor: "#1f4e9c", backgroundColor: "#1f4e9c",
         // A long series draws its line without dots (1,000 dots cost more than the rest of the
         // chart); every point is still there to hover and click, and shows its dot when hovered.
         borderWidth: 1.5, pointRadius: n > 300 ? 0 : 3, pointHoverRadius: 5, pointHitRadius: 4}
      ]},
      options: {
        animation: false, parsing: false, normalized: true, spanGaps: true,
        responsive: true, maintainAspectRatio: false,
        events: ["mousemove", "mouseout", "touchstart", "touchmove"],
        interaction: {mode: "nearest", intersect: true},
        scales: {
          x: {type: "linear", min: 0, max: Math.max(n - 1, 1), ticks: {
            callback: function (v) { return Number.isInteger(v) && v < n ? date(commitOf(s, v)[1]).slice(0, 10) : ""; }
          }},
          y: {title: {display: !!s.unit, text: s.unit}}
        },
        plugins: {
          legend: {display: false},
          tooltip: {
            filter: function (item) { return item.datasetIndex === 2; },
            callbacks: {
              title: function (items) {
                var c = commitOf(s, items[0].dataIndex);
                return shortId(c[0]) + "  " + c[2];
              },
              label: function (item) {
                var i = item.dataIndex;
                return [date(commitOf(s, i)[1]), "level " + level(s.e[i], s.unit),
                  "interval " + level(s.l[i], s.unit) + " .. " + level(s.h[i], s.unit),
                  s.n[i] + " processes"];
              }
            }
          }
        }
      },
      plugins: [changeMarks(s)]
    });
    // A click is handled as it comes, not in Chart.js's next animation frame: the point under
    // the pointer, exactly (no nearest-in-x), opens its commit.
    canvas.addEventListener("click", function (event) {
      var hit = chart.getElementsAtEventForMode(event, "nearest", {intersect: true}, false)
        .filter(function (e) { return e.datasetIndex === 2; });
      if (hit.length) select(s, hit[0].index);
    });
    charts[index] = chart;
  }

  function changeItem(s, c) {
    var li = el("li");
    li.appendChild(el("span", percent(c.ratio) + " at "));
    li.appendChild(commitElement(commitOf(s, c.index)[0]));
    li.appendChild(el("span", " (after " + shortId(commitOf(s, c.index - 1)[0]) + "): " +
      level(c.before, s.unit) + " [" + level(c.before_low, s.unit) + ", " + level(c.before_high, s.unit) +
      "] → " + level(c.after, s.unit) + " [" + level(c.after_low, s.unit) + ", " +
      level(c.after_high, s.unit) + "], p = " + c.p_value.toPrecision(2)));
    if (c.flamegraph && safeRelative(c.flamegraph)) {
      li.appendChild(el("span", " "));
      var a = el("a", "differential flame graph");
      a.setAttribute("href", c.flamegraph);
      li.appendChild(a);
    }
    return li;
  }

  function buildSeries(index) {
    var s = data.series[index];
    var section = el("section", null, "series");
    section.id = "series-" + index;
    section.appendChild(el("h2", seriesName(s) + " · " + s.metric + " · " + s.testbed));
    var box = el("div", null, "chart-box");
    box.appendChild(el("canvas"));
    section.appendChild(box);
    if (s.changes.length) {
      var list = el("ul", null, "changes");
      s.changes.forEach(function (c) { list.appendChild(changeItem(s, c)); });
      section.appendChild(list);
    }
    sections[index] = section;
    return section;
  }

  function buildRow(index) {
    var s = data.series[index], tr = el("tr");
    var name = el("td"), a = el("a", seriesName(s));
    a.setAttribute("href", "#series-" + index);
    name.appendChild(a);
    tr.appendChild(name);
    tr.appendChild(el("td", s.metric));
    tr.appendChild(el("td", s.testbed));
    var last = s.changes[s.changes.length - 1];
    tr.appendChild(el("td", last ? date(commitOf(s, last.index)[1]) : "none"));
    tr.appendChild(el("td", last ? percent(last.ratio) : "", last ? (last.ratio > 1 ? "slower" : "faster") : ""));
    tr.appendChild(el("td", s.e.length ? level(s.e[s.e.length - 1], s.unit) : "", "number"));
    tr.appendChild(el("td", String(s.e.length), "number"));
    rows[index] = tr;
    return tr;
  }

  function filter() {
    var q = document.getElementById("filter").value.toLowerCase(), shown = 0;
    data.series.forEach(function (s, i) {
      var hide = seriesName(s).toLowerCase().indexOf(q) < 0;
      sections[i].hidden = hide;
      rows[i].hidden = hide;
      shown += hide ? 0 : 1;
    });
    document.getElementById("shown").textContent = shown + " of " + data.series.length + " series";
  }

  document.getElementById("title").textContent = "benchgate history of " + data.branch;
  document.title = "benchgate history of " + data.branch;
  document.getElementById("summary").textContent = data.series.length + " series over " +
    data.commits_walked + " commits from " + shortId(data.head) + " (" + data.store + ")" +
    (data.shallow ? "; the walk stopped at the edge of a shallow clone" : "");
  var notes = document.getElementById("notes");
  data.notes.forEach(function (note) { notes.appendChild(el("li", note)); });
  var tbody = document.querySelector("#overview tbody"), list = document.getElementById("series");
  var rowsFragment = document.createDocumentFragment(), seriesFragment = document.createDocumentFragment();
  data.order.forEach(function (i) {
    rowsFragment.appendChild(buildRow(i));
    seriesFragment.appendChild(buildSeries(i));
  });
  tbody.appendChild(rowsFragment);
  list.appendChild(seriesFragment);
  document.getElementById("filter").addEventListener("input", filter);
  filter();

  // Lazy rendering: a chart is drawn when its section comes within a screen of the viewport. The
  // root is this document, so the margin holds in a frame too (for the implicit root, the top
  // window's viewport, a frame from another origin gets no margin).
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      draw(+entry.target.id.slice("series-".length));
      observer.unobserve(entry.target);
    });
  }, {root: document, rootMargin: "100% 0px"});
  sections.forEach(function (section) { observer.observe(section); });
  window.benchgateDashboard.draw = draw;
})();
