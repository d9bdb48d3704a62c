#include "profile/diff_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace benchgate::profile {
namespace {

// Markdown table cells: '|' would end the cell, backticks would open code spans, and '<' could
// start HTML in a PR comment.
std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '`' || c == '<' || c == '>' || c == '*' || c == '_' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string describe_side(const ProfileInfo& info) {
  return fmt::format("{} ({} {}{})", info.source, info.samples, info.unit,
                     info.event.empty() ? "" : ", event " + info.event);
}

}  // namespace

std::string diff_markdown(const ProfileDiff& diff) {
  std::string out = "| Function | Base self | Head self | Δ (pp) |";
  const bool time = !diff.top.empty() && diff.top.front().time_delta_of_base.has_value();
  const bool ns = !diff.top.empty() && diff.top.front().time_delta_ns.has_value();
  if (time) out += " Δ time (% of base) |";
  if (ns) out += " Δ time (ns) |";
  out += "\n|---|---:|---:|---:|";
  if (time) out += "---:|";
  if (ns) out += "---:|";
  out += '\n';
  for (const auto& f : diff.top) {
    out += fmt::format("| {} | {:.2f}% | {:.2f}% | {:+.2f} |", markdown_cell(f.name),
                       f.base_share * 100, f.head_share * 100, f.delta_points);
    if (time) out += fmt::format(" {:+.2f}% |", *f.time_delta_of_base * 100);
    if (ns) out += fmt::format(" {:+.1f} |", *f.time_delta_ns);
    out += '\n';
  }
  if (diff.top.empty()) out += "| *no function changed beyond sampling noise* | | | |\n";
  out += fmt::format(
      "\nBase: {}. Head: {}. {} functions compared; {} changed too little to tell from sampling "
      "noise (listed only with ≥ {} self samples on one side and |z| ≥ {}, see "
      "docs/profiles.md).\n",
      describe_side(diff.base), describe_side(diff.head), diff.functions_compared,
      diff.functions_below_noise, diff.min_samples, diff.min_z);
  return out;
}

std::string diff_json(const ProfileDiff& diff) {
  using nlohmann::json;
  const auto side = [](const ProfileInfo& info) {
    return json{{"source", info.source},
                {"format", info.format},
                {"event", info.event},
                {"unit", info.unit},
                {"samples", info.samples}};
  };
  json functions = json::array();
  for (const auto& f : diff.top) {
    json entry = {{"name", f.name},
                  {"base_samples", f.base_samples},
                  {"head_samples", f.head_samples},
                  {"base_share", f.base_share},
                  {"head_share", f.head_share},
                  {"delta_points", f.delta_points},
                  {"z", f.z}};
    if (f.time_delta_of_base) entry["time_delta_of_base"] = *f.time_delta_of_base;
    if (f.time_delta_ns) entry["time_delta_ns"] = *f.time_delta_ns;
    functions.push_back(std::move(entry));
  }
  json document = {{"base", side(diff.base)},
                   {"head", side(diff.head)},
                   {"functions_compared", diff.functions_compared},
                   {"functions_below_noise", diff.functions_below_noise},
                   {"top_functions", std::move(functions)}};
  if (diff.time_ratio) document["time_ratio"] = *diff.time_ratio;
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace benchgate::profile
