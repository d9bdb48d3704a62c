#include "profile/flamegraph_svg.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clean_text.h"
#include "core/text.h"
#include "profile/diverging_colour.h"
#include "profile/flamegraph_script.h"
#include "profile/function_shares.h"
#include "profile/profile_diff.h"

namespace benchgate::profile {
namespace {

constexpr double kPad = 10;
constexpr double kFrameHeight = 16;  // 15 px box + 1 px gap
constexpr double kCharWidth = 7.2;   // 12 px monospace: the script uses the same value
constexpr double kTop = 60;          // title, subtitle, controls
constexpr double kLegend = 24;       // differential: the colour scale below the subtitle
constexpr double kLegendBar = 240;   // its width
constexpr double kDarkLabel = 0.75;  // beyond this |scale position| black text is hard to read
constexpr double kBottom = 30;       // details line

// Same rule as the script's label(): the name if it fits, else its start and "..".
std::string_view label(std::string_view name, double width) {
  const auto fit = static_cast<long>(std::floor((width - 6) / kCharWidth));
  if (fit < 3) return {};
  if (name.size() <= static_cast<std::size_t>(fit)) return name;
  std::size_t cut = static_cast<std::size_t>(fit - 2);
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xc0) == 0x80) --cut;  // whole UTF-8
  return name.substr(0, cut);
}

std::uint32_t name_hash(std::string_view name) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs, so colours are too
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string plain_colour(std::string_view name) {
  const std::uint32_t h = name_hash(name);
  const double v1 = (h & 0xff) / 255.0, v2 = ((h >> 8) & 0xff) / 255.0,
               v3 = ((h >> 16) & 0xff) / 255.0;
  int r, g, b;
  if (name.ends_with("_[k]")) {  // kernel
    r = 200 + static_cast<int>(55 * v1);
    g = 130 + static_cast<int>(50 * v2);
    b = 40;
  } else if (name.ends_with("_[i]")) {  // inlined
    r = 80 + static_cast<int>(55 * v1);
    g = 190 + static_cast<int>(55 * v1);
    b = 190 + static_cast<int>(55 * v1);
  } else {  // FlameGraph's "hot" palette
    r = 205 + static_cast<int>(50 * v3);
    g = static_cast<int>(230 * v1);
    b = static_cast<int>(55 * v2);
  }
  return fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
}

std::string_view share_name(ColourBy by) {
  return by == ColourBy::kTotal ? "total" : "self";
}

// What a differential colour measures (change_points): with the time ratio, the change of time
// as a share of the base's time; without, the change of the share of the samples.
std::string colour_quantity(ColourBy by, std::optional<double> time_ratio) {
  return time_ratio
             ? fmt::format("{} time, % of base time (head {:.3g}x)", share_name(by), *time_ratio)
             : fmt::format("{} share, % of samples", share_name(by));
}

// The colour scale as drawn (the legend's gradient samples the frames' own function), its ends
// labelled with the change they stand for, in percentage points.
std::string legend(double width, double y, double largest, std::string_view quantity) {
  std::string out = "<defs><linearGradient id=\"legend-scale\">";
  constexpr int kStops = 16;
  for (int i = 0; i <= kStops; ++i) {
    const double t = static_cast<double>(i) / kStops;
    fmt::format_to(std::back_inserter(out), "<stop offset=\"{:g}\" stop-color=\"{}\"/>", t,
                   diverging_colour(2 * t - 1));
  }
  const double left = width / 2 - kLegendBar / 2, right = width / 2 + kLegendBar / 2;
  fmt::format_to(
      std::back_inserter(out),
      "</linearGradient></defs>\n<g id=\"legend\"><text x=\"{0}\" y=\"{1}\" "
      "text-anchor=\"end\">colour = change of {7}:</text>"
      "<text x=\"{2}\" y=\"{1}\" text-anchor=\"end\">{3:+.2f}%</text>"
      "<rect x=\"{4}\" y=\"{5}\" width=\"{6}\" height=\"12\" fill=\"url(#legend-scale)\" "
      "stroke=\"#888\" stroke-width=\"0.5\"/>"
      "<text x=\"{8}\" y=\"{1}\" text-anchor=\"middle\" class=\"tick\">0</text>"
      "<text x=\"{9}\" y=\"{1}\">{10:+.2f}%</text>"
      "<text x=\"{11}\" y=\"{1}\">blue shrank, red grew</text></g>\n",
      left - 60, y + 10, left - 6, -largest, left, y, kLegendBar, quantity, width / 2, right + 6,
      largest, right + 66);
  return out;
}

struct Drawn {
  NodeId node;
  std::uint32_t depth;
  double x;
  double width;
};

class Renderer {
 public:
  Renderer(const FrameTrie& trie, const RenderOptions& options) : trie_(trie), options_(options) {
    if (options.differential) functions_ = function_counts(trie);
    compute_weights();
    // Only frames that can be drawn are indexed: the threshold only rises from min_frame_px, and
    // a frame is never wider than its parent. On unique stacks this skips sorting millions of
    // frames far narrower than a pixel.
    const double scale = weights_[kRootNode] > 0 ? drawable_width() / weights_[kRootNode] : 0;
    const auto listed = [&](NodeId id) { return weights_[id] * scale >= options.min_frame_px; };
    index_ = trie.child_index(listed);
    compute_listed_totals(listed);
  }

  std::string render() {
    double min_px = options_.min_frame_px;
    for (;;) {
      std::string svg = render_with(min_px);
      if (svg.size() <= options_.max_bytes || min_px > options_.width) return svg;
      min_px = std::max(min_px * 2, 0.05);
    }
  }

 private:
  double drawable_width() const { return options_.width - 2 * kPad; }

  // A node's width: its own share plus its children's. In a diff, a frame the head still has
  // counts by its head share; one that vanished keeps its base share so that it stays visible.
  // Parents are created before their children, so one reverse sweep sums every subtree (a node
  // without samples adds nothing of its own: most nodes of unique stacks).
  void compute_weights() {
    weights_.assign(trie_.size(), 0.0);
    const double base_total = static_cast<double>(std::max<std::uint64_t>(trie_.total(kBase), 1));
    const double head_total = static_cast<double>(std::max<std::uint64_t>(trie_.total(kHead), 1));
    // Differential: whether the head has samples in the node's subtree, one bit per node.
    std::vector<bool> head_below(options_.differential ? trie_.size() : 0);
    for (std::size_t i = trie_.size(); i-- > 0;) {
      const auto id = static_cast<NodeId>(i);
      if (trie_.has_self(id)) {
        const SideCounts self = trie_.self(id);
        if (!options_.differential) {
          weights_[i] += static_cast<double>(self[kBase]) / base_total;
        } else {
          if (self[kHead] > 0) head_below[i] = true;
          weights_[i] += head_below[i] ? static_cast<double>(self[kHead]) / head_total
                                       : static_cast<double>(self[kBase]) / base_total;
        }
      }
      if (i == kRootNode) continue;
      const NodeId parent = trie_.node(id).parent;
      weights_[parent] += weights_[i];
      if (options_.differential && head_below[i]) head_below[parent] = true;
    }
  }

  // Totals (self plus descendants) of the indexed frames only, which are all a drawing shows:
  // each sample adds to its nearest indexed frame, then each indexed frame to its parent's.
  void compute_listed_totals(const std::function<bool(NodeId)>& listed) {
    listed_totals_.assign(index_.keys.size(), SideCounts{});
    for (std::size_t i = 0; i < trie_.sampled_count(); ++i) {
      NodeId up = trie_.sampled_node(i);
      while (up != kRootNode && !listed(up)) up = trie_.node(up).parent;
      auto& total = listed_totals_[index_.position(up)];
      total[kBase] += trie_.sampled_counts(i)[kBase];
      total[kHead] += trie_.sampled_counts(i)[kHead];
    }
    for (std::size_t e = index_.keys.size(); e-- > 1;) {
      auto& parent = listed_totals_[index_.position(trie_.node(index_.keys[e]).parent)];
      parent[kBase] += listed_totals_[e][kBase];
      parent[kHead] += listed_totals_[e][kHead];
    }
  }
  const SideCounts& totals(NodeId drawn) const { return listed_totals_[index_.position(drawn)]; }

  std::vector<Drawn> layout(double min_px) const {
    std::vector<Drawn> drawn;
    if (weights_[kRootNode] <= 0) return drawn;
    const double scale = drawable_width() / weights_[kRootNode];
    std::vector<Drawn> pending{{kRootNode, 0, kPad, weights_[kRootNode] * scale}};
    while (!pending.empty()) {
      const Drawn frame = pending.back();
      pending.pop_back();
      drawn.push_back(frame);
      // Children left to right, pushed right to left so the leftmost is drawn next.
      double x = frame.x;
      const std::size_t first_child = pending.size();
      for (const NodeId* c = index_.first(frame.node); c != index_.last(frame.node); ++c) {
        const double width = weights_[*c] * scale;
        if (width >= min_px) pending.push_back({*c, frame.depth + 1, x, width});
        x += width;
      }
      std::reverse(pending.begin() + static_cast<std::ptrdiff_t>(first_child), pending.end());
    }
    return drawn;
  }

  // What a frame's colour stands for: the change of its function's share (self or total, over
  // every stack), or of its time with the ratio (change_points), in percentage points; 0 below
  // the noise rule. The diff's table ranks functions by the same number and leaves out the same
  // ones, and the root "all" as well (it is no function of the program).
  double colour_value(NodeId id) const {
    if (id == kRootNode) return 0;
    const SideCounts& counts = functions_[trie_.node(id).name].of(options_.colour_by);
    if (!above_noise(options_.noise, trie_, counts, options_.time_ratio)) return 0;
    return change_points(trie_, counts, options_.time_ratio);
  }

  std::string subtitle(std::size_t frames, double min_px) const {
    if (!options_.subtitle.empty()) return options_.subtitle;
    if (options_.differential) {
      return fmt::format(
          "width = head ({} samples), colour = change of each function's {} {} vs base ({} "
          "samples); hatched = gone in head. {} frames; narrower than {:g} px hidden",
          trie_.total(kHead), share_name(options_.colour_by),
          options_.time_ratio ? "time" : "share", trie_.total(kBase), frames, min_px);
    }
    return fmt::format("{} samples, {} frames; frames narrower than {:g} px hidden",
                       trie_.total(kBase), frames, min_px);
  }

  std::string render_with(double min_px) {
    const auto drawn = layout(min_px);
    std::uint32_t max_depth = 0;
    double largest_delta = 0;
    for (const auto& frame : drawn) {
      max_depth = std::max(max_depth, frame.depth);
      if (options_.differential && frame.node != kRootNode) {
        largest_delta = std::max(largest_delta, std::abs(colour_value(frame.node)));
      }
    }
    // The scale is symmetric around 0 and spans the largest change drawn, so the most changed
    // frame is the most saturated one and equal changes up and down look equally strong.
    const double top = kTop + (options_.differential ? kLegend : 0);
    const double height = top + (max_depth + 1) * kFrameHeight + kBottom;
    std::string out;
    out.reserve(drawn.size() * 110 + 16384);
    out += fmt::format(
        "<?xml version=\"1.0\" standalone=\"no\"?>\n"
        "<svg version=\"1.1\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "xmlns=\"http://www.w3.org/2000/svg\">\n<style><![CDATA[{2}]]></style>\n"
        "<defs><pattern id=\"gone\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dde4ff\"/>"
        "<rect width=\"3\" height=\"6\" fill=\"#4060ff\"/></pattern></defs>\n"
        "<rect x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" fill=\"#f8f8f8\"/>\n"
        "<text class=\"title\" x=\"{3}\" y=\"24\" text-anchor=\"middle\">",
        options_.width, height, kFlamegraphCss, options_.width / 2);
    out += escape_xml(options_.title);
    out +=
        fmt::format("</text>\n<text x=\"{}\" y=\"44\" text-anchor=\"middle\">", options_.width / 2);
    out += escape_xml(subtitle(drawn.size(), min_px));
    out += "</text>\n";
    if (options_.differential)
      out += legend(options_.width, kTop - 6, largest_delta,
                    colour_quantity(options_.colour_by, options_.time_ratio));
    out += fmt::format(
        "<text id=\"unzoom\" class=\"control off\" x=\"{0}\" y=\"24\">Reset Zoom</text>\n"
        "<text id=\"search\" class=\"control\" x=\"{1}\" y=\"24\" "
        "text-anchor=\"end\">Search</text>\n"
        "<text id=\"matched\" x=\"{1}\" y=\"{2}\" text-anchor=\"end\"> </text>\n"
        "<text id=\"details\" x=\"{0}\" y=\"{2}\"> </text>\n<g id=\"frames\">\n",
        kPad, options_.width - kPad, height - 10);

    // Frame table for the script, flat (flamegraph_script.h), and the names it refers to (only
    // those drawn).
    std::vector<std::int64_t> name_slot(trie_.name_count(), -1);
    nlohmann::json names = nlohmann::json::array();
    // Differential: per name slot, its function's self and total samples, base and head (the
    // hover shows both shares, whichever one the colour is).
    std::string functions;
    std::string table;
    for (const auto& frame : drawn) {
      const auto& node = trie_.node(frame.node);
      const std::string_view name = trie_.name(node.name);
      if (name_slot[node.name] < 0) {
        name_slot[node.name] = static_cast<std::int64_t>(names.size());
        names.push_back(clean_text(name));  // CDATA too must hold XML characters only
        if (options_.differential) {
          const auto& f = functions_[node.name];
          fmt::format_to(std::back_inserter(functions), "{},{},{},{},", f.self[kBase],
                         f.self[kHead], f.total[kBase], f.total[kHead]);
        }
      }
      const double y = height - kBottom - (frame.depth + 1) * kFrameHeight;
      const SideCounts self = trie_.self(frame.node);
      const SideCounts& total = totals(frame.node);
      std::string fill;
      bool dark = false;  // the scale's deep ends: the label is drawn white to stay readable
      if (!options_.differential) {
        fill = frame.node == kRootNode ? "#e0e0e0" : plain_colour(name);
        fmt::format_to(std::back_inserter(table), "{},{},{},", name_slot[node.name], total[kBase],
                       self[kBase]);
      } else {
        const double t = largest_delta > 0 ? colour_value(frame.node) / largest_delta : 0;
        dark = std::abs(t) > kDarkLabel;
        fill = total[kHead] == 0 ? "url(#gone)" : diverging_colour(t);
        fmt::format_to(std::back_inserter(table), "{},{},{},{},{},", name_slot[node.name],
                       total[kBase], total[kHead], self[kBase], self[kHead]);
      }
      fmt::format_to(
          std::back_inserter(out),
          "<g{}><rect x=\"{:.2f}\" y=\"{:.0f}\" width=\"{:.2f}\" height=\"15\" fill=\"{}\"/>",
          dark ? " class=\"dark\"" : "", frame.x, y, frame.width, fill);
      if (const auto text = label(name, frame.width); !text.empty()) {
        fmt::format_to(std::back_inserter(out), "<text x=\"{:.2f}\" y=\"{:.1f}\">", frame.x + 3,
                       y + 11.5);
        out += escape_xml(text);  // one bad byte of a symbol must not break the SVG
        if (text.size() < name.size()) out += "..";
        out += "</text>";
      }
      out += "</g>\n";
    }
    if (!table.empty()) table.pop_back();
    if (!functions.empty()) functions.pop_back();
    std::string names_json = names.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // "]]>" would end the CDATA section; inside a JSON string "\u003e" means the same '>'.
    for (std::size_t at = 0; (at = names_json.find("]]>", at)) != std::string::npos;) {
      names_json.replace(at + 2, 1, "\\u003e");
    }
    // The table is data, not script: a JSON element the script parses on first use, which keeps
    // the first render of a big graph free of script (flamegraph_script.cpp).
    out += fmt::format(
        "</g>\n<script type=\"application/json\" id=\"frame-data\"><![CDATA[{{\"names\":{},"
        "\"functions\":[{}],\"frames\":[{}]}}]]></script>\n<script "
        "type=\"text/ecmascript\"><![CDATA[\n"
        "var DIFF = {};\nvar TOTALS = [{}, {}];\nvar GEOMETRY = {{width: {}, pad: {}, charWidth: "
        "{}}};\n{}]]></script>\n</svg>\n",
        names_json, functions, table, options_.differential ? "true" : "false", trie_.total(kBase),
        trie_.total(kHead), options_.width, kPad, kCharWidth, kFlamegraphScript);
    return out;
  }

  const FrameTrie& trie_;
  const RenderOptions& options_;
  FrameTrie::ChildIndex index_;
  std::vector<SideCounts> listed_totals_;  // per index_ key
  std::vector<double> weights_;
  std::vector<FunctionCounts> functions_;  // differential only
};

}  // namespace

std::string render_flamegraph_svg(const FrameTrie& trie, const RenderOptions& options) {
  return Renderer(trie, options).render();
}

}  // namespace benchgate::profile
