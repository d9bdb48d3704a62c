#include "reporters/profile_markdown.h"

#include <cmath>

#include <fmt/format.h>

#include "reporters/markdown_escape.h"

namespace benchgate::report {
namespace {

std::string describe_side(const ProfileSource& side) {
  return escape_markdown(fmt::format("{} ({} {}{})", side.source, side.samples, side.unit,
                                     side.event.empty() ? "" : ", event " + side.event));
}

// "regression, +12.3% real_time"
std::string change_text(const ProfileFinding& f) {
  if (!std::isfinite(f.ratio)) return std::string(to_string(f.verdict));
  return fmt::format("{}, {:+.1f}% {}", to_string(f.verdict), (f.ratio - 1) * 100, f.metric);
}

std::string head_only_sentence(const ProfileFinding& f) {
  switch (f.head_only) {
    case HeadOnlyReason::kNoStoredBase:
      return fmt::format(
          "no base profile stored for {} (testbed {})",
          f.head_only_detail.empty() ? "the baseline" : markdown_code(f.head_only_detail),
          escape_markdown(f.testbed));
    case HeadOnlyReason::kIncomparable:
      return "the stored base profile cannot be compared: " + escape_markdown(f.head_only_detail);
    case HeadOnlyReason::kBaseNotCaptured:
      return "the profile of the base build could not be captured (see the job log)";
    case HeadOnlyReason::kNone:
      break;
  }
  return {};
}

std::string svg_line(const ProfileFinding& f) {
  if (!f.svg_markdown.empty()) return f.svg_markdown;  // the forge's own link or image
  if (f.svg_file.empty()) return {};
  return fmt::format("{} flame graph in the report directory: {}",
                     f.differential() ? "Differential" : "Head", markdown_code(f.svg_file));
}

}  // namespace

std::string function_delta_table(const FunctionDeltas& deltas) {
  // Ranked by the share the flame graph is coloured by, so its first row is the reddest (or
  // bluest) frame; the columns name that share.
  const char* share = deltas.ranked_by == FrameShare::kTotal ? "total" : "self";
  std::string out = fmt::format("| Function | Base {0} | Head {0} | Δ (pp) |", share);
  const bool time = !deltas.top.empty() && deltas.top.front().time_delta_of_base.has_value();
  const bool ns = !deltas.top.empty() && deltas.top.front().time_delta_ns.has_value();
  if (time) out += " Δ time (% of base) |";
  if (ns) out += " Δ time (ns) |";
  out += "\n|---|---:|---:|---:|";
  if (time) out += "---:|";
  if (ns) out += "---:|";
  out += '\n';
  for (const auto& f : deltas.top) {
    out += fmt::format("| {} | {:.2f}% | {:.2f}% | {:+.2f} |", escape_markdown(f.name),
                       f.base_share * 100, f.head_share * 100, f.delta_points);
    if (time) out += fmt::format(" {:+.2f}% |", *f.time_delta_of_base * 100);
    if (ns) out += fmt::format(" {:+.1f} |", *f.time_delta_ns);
    out += '\n';
  }
  if (deltas.top.empty()) out += "| *no function changed beyond sampling noise* | | | |\n";
  out += fmt::format(
      "\nBase: {}. Head: {}. {} functions compared; {} changed too little to tell from sampling "
      "noise (listed only with ≥ {} {} samples on one side and |z| ≥ {}, see "
      "docs/profiles.md).\n",
      describe_side(deltas.base), describe_side(deltas.head), deltas.functions_compared,
      deltas.functions_below_noise, deltas.min_samples, share, deltas.min_z);
  return out;
}

std::string profile_section(const ProfileFinding& f) {
  const std::string summary =
      fmt::format("Where the time went: <code>{}</code> ({})", escape_markdown_html(f.benchmark),
                  escape_markdown_html(change_text(f)));
  std::string body;
  if (f.deltas)
    body = fmt::format("{} time by function, base vs head ({} samples):\n\n{}",
                       f.deltas->ranked_by == FrameShare::kTotal ? "Total" : "Self",
                       escape_markdown(f.head.event.empty() ? "perf" : f.head.event),
                       function_delta_table(*f.deltas));
  else
    body = fmt::format("> {}: showing head only ({} {} samples).\n", head_only_sentence(f),
                       f.head.samples, escape_markdown(f.head.event));
  const std::string svg = svg_line(f);
  return fmt::format("\n<details>\n<summary>{}</summary>\n\n{}{}\n</details>\n", summary, body,
                     svg.empty() ? "" : "\n" + svg + "\n");
}

std::string profile_sections(const Report& report) {
  std::string out;
  for (const auto& note : report.profile_notes) out += "\n> " + escape_markdown(note) + "\n";
  for (const auto& finding : report.profiles) out += profile_section(finding);
  return out;
}

}  // namespace benchgate::report
