// `benchgate flamegraph fold | render | record`: one profile in, one artefact out.
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/flamegraph_actions.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "profile/flamegraph_svg.h"
#include "profile/folded_format.h"
#include "profile/pprof_format.h"
#include "profile/profile_loader.h"
#include "profile/profiler.h"
#include "profile/speedscope_format.h"
#include "runner/gbench_args.h"

namespace benchgate::cli {

void write_output(const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  write_file_atomically(output, text);
}

void print_warnings(const profile::ProfileInfo& info) {
  const auto text = info.warnings.summary(info.source);
  if (!text.empty()) fmt::print(stderr, "{}", text);
}

int run_flamegraph_fold(const FoldFlags& flags) {
  profile::LoadOptions options;
  options.fold.include_process_name = flags.include_process_name;
  options.fold.event = flags.event;
  options.perf_program = flags.perf;
  options.pprof.sample_type = flags.sample_type;
  const auto loaded = profile::load_profile(flags.input, options);
  print_warnings(loaded.info);
  write_output(flags.output, profile::write_folded(loaded.trie, profile::kBase, loaded.info));
  return 0;
}

int run_flamegraph_render(const RenderFlags& flags) {
  profile::LoadOptions load_options;
  load_options.pprof.sample_type = flags.sample_type;
  const auto loaded = profile::load_profile(flags.input, load_options);
  print_warnings(loaded.info);
  const std::string title =
      flags.title.empty() ? std::filesystem::path(flags.input).filename().string() : flags.title;
  if (flags.format == "speedscope") {
    write_output(
        flags.output,
        profile::write_speedscope(loaded.trie, {{profile::kBase, title, loaded.info.unit}}, title));
  } else if (flags.format == "folded") {
    write_output(flags.output, profile::write_folded(loaded.trie, profile::kBase, loaded.info));
  } else if (flags.format == "pprof") {
    write_output(flags.output, profile::write_pprof(loaded.trie, profile::kBase, loaded.info));
  } else {
    profile::RenderOptions options;
    options.title = title;
    options.width = flags.width;
    options.min_frame_px = flags.min_width;
    write_output(flags.output, profile::render_flamegraph_svg(loaded.trie, options));
  }
  return 0;
}

int run_flamegraph_record(const RecordFlags& flags) {
  profile::CaptureOptions options;
  options.frequency_hz = flags.frequency;
  options.call_graph =
      flags.call_graph == "dwarf" ? profile::CallGraph::kDwarf : profile::CallGraph::kFramePointer;
  options.event = flags.event;
  options.perf_program = flags.perf;
  auto profiler = profile::make_perf_profiler(options);
  if (auto reason = profiler->unavailable_reason()) {
    throw EnvironmentError(*reason);
  }
  auto argv = flags.command;
  if (!flags.benchmark.empty()) {
    argv = runner::gbench::run_only(std::move(argv), flags.benchmark);
  }
  const auto recorded = profiler->record(argv);
  print_warnings(recorded.info);
  write_output(flags.output, profile::write_folded(recorded.trie, profile::kBase, recorded.info));
  return 0;
}

}  // namespace benchgate::cli
