#include "profile/flamegraph_script.h"

namespace benchgate::profile {

const std::string_view kFlamegraphCss = R"css(
text { font-family: monospace; font-size: 12px; fill: #000; }
#frames text { pointer-events: none; }
#frames g { cursor: pointer; }
#frames g:hover rect { stroke: #000; stroke-width: 0.5; }
#frames g.hidden { display: none; }
#frames g.ancestor { opacity: 0.5; }
#frames g.hit rect { fill: #e040e0; }
#frames g.dark text { fill: #fff; }
.control { cursor: pointer; fill: #333; }
.control:hover { fill: #00f; text-decoration: underline; }
#unzoom.off { display: none; }
#legend text { font-size: 11px; }
.title { font-size: 17px; }
)css";

// The first render of a 35k-frame graph must cost next to no script (bench/
// flamegraph_chromium_bench.cpp). Nothing runs over the frames at load time, and the frame table
// is JSON in a data element, parsed on first use: as a JS literal, 35k small arrays cost
// 100-250 ms of compile and allocation before anything is shown; JSON.parse takes 3-30 ms, and
// only once the user hovers, clicks or searches. Geometry is read from the DOM the first time a
// zoom or search needs it.
const std::string_view kFlamegraphScript = R"js(
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var box = document.getElementById("frames");
  var gs = box.children;
  var details = document.getElementById("details");
  var matched = document.getElementById("matched");
  var unzoomButton = document.getElementById("unzoom");
  var full = GEOMETRY.width - 2 * GEOMETRY.pad;
  var stride = DIFF ? 5 : 3;  // numbers per frame in the table
  var table = null;  // {names, frames}, parsed on first use
  var orig = null;  // x, width, y of every frame as drawn initially

  function frames() {
    if (!table) table = JSON.parse(document.getElementById("frame-data").textContent);
    return table.frames;
  }
  // Field k of frame i: 0 name index, then the counts listed in flamegraph_script.h.
  function field(i, k) { return frames()[stride * i + k]; }
  function nameOf(i) {
    var index = field(i, 0);  // parses the table first
    return table.names[index];
  }
  function geometry() {
    if (orig) return;
    orig = new Float64Array(gs.length * 3);
    for (var i = 0; i < gs.length; i++) {
      var r = gs[i].firstElementChild;
      orig[3 * i] = +r.getAttribute("x");
      orig[3 * i + 1] = +r.getAttribute("width");
      orig[3 * i + 2] = +r.getAttribute("y");
    }
  }
  function pct(count, total) { return total > 0 ? (100 * count / total) : 0; }
  function fmt(v) { return v.toFixed(2) + "%"; }
  function describe(i) {
    var name = nameOf(i);
    if (!DIFF) {
      var total = field(i, 1), self = field(i, 2);
      return name + " (" + total + " samples, " + fmt(pct(total, TOTALS[0])) + "; self " + fmt(pct(self, TOTALS[0])) + ")";
    }
    // The function's shares over every stack (what the colour and the diff's table use), then
    // this frame's own samples.
    var headTotal = field(i, 2), f = 4 * field(i, 0), fn = table.functions;
    return name + " | " + change("self", fn[f], fn[f + 1]) + ", " + change("total", fn[f + 2], fn[f + 3]) +
      " | this frame: base " + field(i, 1) + ", head " + headTotal + " samples" +
      (headTotal === 0 ? " | gone in head" : "");
  }
  function change(kind, base, head) {
    var b = pct(base, TOTALS[0]), h = pct(head, TOTALS[1]), d = h - b;
    return kind + " " + fmt(b) + " \u2192 " + fmt(h) + " (" + (d >= 0 ? "+" : "") + d.toFixed(2) + " pp)";
  }
  function label(i, w) {
    var name = nameOf(i);
    var fit = Math.floor((w - 6) / GEOMETRY.charWidth);
    if (fit < 3) return "";
    return name.length <= fit ? name : name.slice(0, fit - 2) + "..";
  }
  function place(g, i, x, w) {
    var r = g.firstElementChild;
    r.setAttribute("x", x.toFixed(2));
    r.setAttribute("width", w.toFixed(2));
    var t = g.querySelector("text");
    var s = label(i, w);
    if (!s && !t) return;
    if (!t) {
      t = document.createElementNS(SVGNS, "text");
      t.setAttribute("y", (+r.getAttribute("y") + 11.5).toFixed(1));
      g.appendChild(t);
    }
    t.setAttribute("x", (x + 3).toFixed(2));
    t.textContent = s;
  }
  function indexOf(g) { return Array.prototype.indexOf.call(gs, g); }
  function frameOf(target) {
    var g = target.closest ? target.closest("g") : null;
    return g && g.parentNode === box ? g : null;
  }

  function zoom(k) {
    geometry();
    var x0 = orig[3 * k], w0 = orig[3 * k + 1], y0 = orig[3 * k + 2];
    var scale = full / w0, eps = 1e-6;
    for (var i = 0; i < gs.length; i++) {
      var x = orig[3 * i], w = orig[3 * i + 1], y = orig[3 * i + 2], g = gs[i];
      g.classList.remove("ancestor");
      if (y <= y0) {  // the frame itself and everything drawn above it (deeper)
        if (x >= x0 - eps && x + w <= x0 + w0 + eps) {
          g.classList.remove("hidden");
          place(g, i, GEOMETRY.pad + (x - x0) * scale, w * scale);
        } else {
          g.classList.add("hidden");
        }
      } else if (x <= x0 + eps && x + w >= x0 + w0 - eps) {  // its callers
        g.classList.remove("hidden");
        g.classList.add("ancestor");
        place(g, i, GEOMETRY.pad, full);
      } else {
        g.classList.add("hidden");
      }
    }
    unzoomButton.classList.remove("off");
  }
  function unzoom() {
    if (!orig) return;
    for (var i = 0; i < gs.length; i++) {
      gs[i].classList.remove("hidden", "ancestor");
      place(gs[i], i, orig[3 * i], orig[3 * i + 1]);
    }
    unzoomButton.classList.add("off");
  }
  function search(term) {
    geometry();
    var re;
    try { re = new RegExp(term); } catch (e) { matched.textContent = "bad regex: " + e.message; return; }
    var spans = [];
    for (var i = 0; i < gs.length; i++) {
      var hit = term !== "" && re.test(nameOf(i));
      gs[i].classList.toggle("hit", hit);
      if (hit) spans.push([orig[3 * i], orig[3 * i] + orig[3 * i + 1]]);
    }
    // Nested matches (a function calling itself) must not count twice: merge the intervals.
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var covered = 0, end = -Infinity;
    for (var j = 0; j < spans.length; j++) {
      var s = Math.max(spans[j][0], end);
      if (spans[j][1] > s) { covered += spans[j][1] - s; end = spans[j][1]; }
    }
    matched.textContent = term === "" ? "" : "Matched: " + fmt(100 * covered / orig[1]);
  }
  function askSearch() {
    var term = window.prompt("Search frames (regular expression):", "");
    if (term !== null) search(term);
  }

  box.addEventListener("click", function (e) {
    var g = frameOf(e.target);
    if (g) zoom(indexOf(g));
  });
  box.addEventListener("mouseover", function (e) {
    var g = frameOf(e.target);
    if (!g) return;
    var text = describe(indexOf(g));
    details.textContent = text;
    if (!g.querySelector("title")) {
      var t = document.createElementNS(SVGNS, "title");
      t.textContent = text;
      g.appendChild(t);
    }
  });
  box.addEventListener("mouseout", function () { details.textContent = " "; });
  unzoomButton.addEventListener("click", unzoom);
  document.getElementById("search").addEventListener("click", askSearch);
  window.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { unzoom(); search(""); }
    if ((e.ctrlKey || e.metaKey) && e.key === "f") { e.preventDefault(); askSearch(); }
  });
  window.flamegraph = { zoom: zoom, unzoom: unzoom, search: search, describe: describe, name: nameOf };
})();
)js";

}  // namespace benchgate::profile
