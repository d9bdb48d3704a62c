// `benchgate flamegraph diff BASE HEAD`: both profiles into one trie (base and head sides), then
// the differential flame graph, the top function deltas, or both sides for speedscope / pprof.
#include <filesystem>

#include <fmt/format.h>

#include "cli/flamegraph_actions.h"
#include "core/errors.h"
#include "core/report_json.h"
#include "profile/diff_summary.h"
#include "profile/flamegraph_svg.h"
#include "profile/pprof_format.h"
#include "profile/profile_diff.h"
#include "profile/profile_loader.h"
#include "profile/speedscope_format.h"
#include "reporters/profile_markdown.h"

namespace benchgate::cli {
namespace {

// `--format pprof`: one pprof file per side, for `pprof -diff_base=BASE HEAD`. -o names a
// directory (existing, or ending in '/') that gets base.pb.gz and head.pb.gz, or a prefix that
// gets PREFIX.base.pb.gz and PREFIX.head.pb.gz.
void write_pprof_pair(const DiffFlags& flags, const profile::FrameTrie& trie,
                      profile::ProfileInfo base, profile::ProfileInfo head) {
  if (flags.output.empty() || flags.output == "-") {
    throw InputError("--format pprof writes two files: give -o DIR/ or -o PREFIX");
  }
  std::filesystem::path base_path;
  std::filesystem::path head_path;
  if (flags.output.ends_with('/') || std::filesystem::is_directory(flags.output)) {
    std::filesystem::create_directories(flags.output);
    base_path = std::filesystem::path(flags.output) / "base.pb.gz";
    head_path = std::filesystem::path(flags.output) / "head.pb.gz";
  } else {
    base_path = flags.output + ".base.pb.gz";
    head_path = flags.output + ".head.pb.gz";
  }
  // pprof merges the two only when their sample types are identical: a side whose event is
  // unknown (a folded file without `# event:`) takes the other side's.
  if (base.event.empty()) base.event = head.event;
  if (head.event.empty()) head.event = base.event;
  write_output(base_path.string(), profile::write_pprof(trie, profile::kBase, base));
  write_output(head_path.string(), profile::write_pprof(trie, profile::kHead, head));
  write_output(
      "", fmt::format("wrote {} and {}\nview: pprof -http=: -diff_base={} {}\n", base_path.string(),
                      head_path.string(), base_path.string(), head_path.string()));
}

}  // namespace

int run_flamegraph_diff(const DiffFlags& flags) {
  if (flags.base_time_ns && !flags.ratio) {
    throw InputError("--base-time-ns needs --ratio (the measured head/base time ratio)");
  }
  profile::LoadOptions load_options;
  load_options.pprof.sample_type = flags.sample_type;
  profile::FrameTrie trie;
  const auto base = profile::load_profile_into(flags.base, trie, profile::kBase, load_options);
  const auto head = profile::load_profile_into(flags.head, trie, profile::kHead, load_options);
  trie.finish_loading();
  print_warnings(base);
  print_warnings(head);
  profile::require_comparable(base, head);
  if (flags.format == "pprof") {
    write_pprof_pair(flags, trie, base, head);
    return 0;
  }
  if (flags.format == "speedscope") {
    write_output(flags.output,
                 profile::write_speedscope(trie,
                                           {{profile::kBase, "base: " + flags.base, base.unit},
                                            {profile::kHead, "head: " + flags.head, head.unit}},
                                           "benchgate diff"));
    return 0;
  }
  profile::DiffOptions options;
  options.top = flags.top;
  options.min_samples = flags.min_samples;
  options.min_z = flags.min_z;
  options.rank_by = flags.colour_by;
  options.time_ratio = flags.ratio;
  options.base_time_ns = flags.base_time_ns;
  const auto diff = profile::diff_profiles(trie, base, head, options);
  if (flags.format == "svg") {
    profile::RenderOptions svg_options;
    svg_options.differential = true;
    svg_options.colour_by = flags.colour_by;
    svg_options.time_ratio = flags.ratio;
    svg_options.noise = {flags.min_samples, flags.min_z};
    svg_options.title =
        flags.title.empty()
            ? fmt::format("{} -> {}", std::filesystem::path(flags.base).filename().string(),
                          std::filesystem::path(flags.head).filename().string())
            : flags.title;
    svg_options.width = flags.width;
    svg_options.min_frame_px = flags.min_width;
    write_output(flags.output, profile::render_flamegraph_svg(trie, svg_options));
    // The SVG went to a file: the top-N table goes to stdout, as in the PR report.
    if (!flags.output.empty() && flags.output != "-")
      write_output("", report::function_delta_table(profile::function_deltas(diff)));
    return 0;
  }
  write_output(flags.output, flags.format == "json"
                                 ? function_deltas_json_text(profile::function_deltas(diff))
                                 : report::function_delta_table(profile::function_deltas(diff)));
  return 0;
}

}  // namespace benchgate::cli
