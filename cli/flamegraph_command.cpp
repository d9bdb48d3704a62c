// `benchgate flamegraph`: the profile pipeline on the command line (docs/profiles.md). Declares
// the subcommands; the actions live in flamegraph_*.cpp, one per stage.
#include <memory>

#include "cli/colour_by_option.h"
#include "cli/command.h"
#include "cli/flamegraph_actions.h"
#include "cli/help_sections.h"

namespace benchgate::cli {
namespace {

struct FlamegraphState {
  FoldFlags fold;
  RenderFlags render;
  DiffFlags diff;
  RecordFlags record;
};

void add_output(CLI::App& sub, std::string& output, const char* what) {
  sub.add_option("-o,--output", output,
                 std::string("Write ") + what + " to FILE (default: stdout)");
}

void add_sample_type(CLI::App& sub, std::string& sample_type) {
  sub.add_option("--sample-type", sample_type,
                 "pprof input: the sample type to load (default: 'samples' when present, else "
                 "the file's default, else the first)");
}

}  // namespace

// Long on purpose: one declaration per option of the four stages, their examples, and nothing
// else.
void register_flamegraph_command(CLI::App& app, Action& action) {
  auto state = std::make_shared<FlamegraphState>();
  auto* flamegraph = app.add_subcommand(
      "flamegraph",
      "Profiles: fold perf output into folded stacks, render flame graphs, diff two profiles");
  flamegraph->require_subcommand(1);
  set_help_sections(
      *flamegraph,
      {{"benchgate flamegraph record --benchmark BM_Join -o join.folded -- ./build/my_bench",
        "profile one benchmark with perf"},
       {"benchgate flamegraph render join.folded -o join.svg", "its flame graph"}});

  auto* fold = flamegraph->add_subcommand(
      "fold", "perf script text or perf.data (or any profile benchgate reads) -> folded stacks");
  fold->add_option("input", state->fold.input, "perf script output, perf.data, folded, speedscope")
      ->required();
  add_output(*fold, state->fold.output, "the folded stacks");
  fold->add_flag("--include-process-name", state->fold.include_process_name,
                 "Start every stack with the process name (as FlameGraph does)");
  fold->add_option("--event", state->fold.event,
                   "Keep samples of this event only (default: the first event in the input)");
  fold->add_option("--perf", state->fold.perf, "The perf program, for perf.data input")
      ->capture_default_str();
  add_sample_type(*fold, state->fold.sample_type);
  set_help_sections(
      *fold, {{"benchgate flamegraph fold perf.data -o profile.folded",
               "perf's recording, folded (runs perf script)"},
              {"benchgate flamegraph fold perf.script --include-process-name -o profile.folded",
               "perf script's text, each stack starting with the process name"}});
  fold->callback(
      [&action, state] { action = [state] { return run_flamegraph_fold(state->fold); }; });

  auto* render =
      flamegraph->add_subcommand("render", "A profile -> an interactive flame graph SVG");
  render->add_option("input", state->render.input, "Folded stacks (or any profile benchgate reads)")
      ->required();
  add_output(*render, state->render.output, "the flame graph");
  render
      ->add_option("--format", state->render.format,
                   "svg, speedscope (JSON), folded or pprof (gzipped protobuf)")
      ->check(CLI::IsMember({"svg", "speedscope", "folded", "pprof"}))
      ->capture_default_str();
  add_sample_type(*render, state->render.sample_type);
  render->add_option("--title", state->render.title, "Title (default: the input's name)");
  render->add_option("--width", state->render.width, "Width in pixels")->capture_default_str();
  render->add_option("--min-width", state->render.min_width, "Hide frames narrower than this (px)")
      ->capture_default_str();
  set_help_sections(
      *render, {{"benchgate flamegraph render profile.folded -o profile.svg", "an interactive SVG"},
                {"benchgate flamegraph render profile.folded --format speedscope -o profile.json",
                 "for https://www.speedscope.app"}});
  render->callback(
      [&action, state] { action = [state] { return run_flamegraph_render(state->render); }; });

  auto* diff = flamegraph->add_subcommand(
      "diff", "Two profiles -> differential flame graph or the top function deltas");
  diff->add_option("base", state->diff.base, "The profile before the change")->required();
  diff->add_option("head", state->diff.head, "The profile after the change")->required();
  add_output(*diff, state->diff.output, "the result");
  diff->add_option("--format", state->diff.format,
                   "svg, markdown, json, speedscope (both sides) or pprof (two files: -o "
                   "PREFIX writes PREFIX.base.pb.gz and PREFIX.head.pb.gz, -o DIR/ "
                   "DIR/base.pb.gz and DIR/head.pb.gz)")
      ->check(CLI::IsMember({"svg", "markdown", "json", "speedscope", "pprof"}))
      ->capture_default_str();
  add_sample_type(*diff, state->diff.sample_type);
  diff->add_option("--title", state->diff.title, "Title of the SVG");
  diff->add_option("--top", state->diff.top, "How many function deltas to list")
      ->capture_default_str();
  diff->add_option("--min-samples", state->diff.min_samples,
                   "Noise rule: a function needs this many self samples on one side")
      ->capture_default_str();
  diff->add_option("--min-z", state->diff.min_z,
                   "Noise rule: |z| of the two-proportion test at least this")
      ->capture_default_str();
  add_colour_by_option(*diff, "--colour-by", state->diff.colour_by);
  diff->add_option("--ratio", state->diff.ratio,
                   "Measured head/base time of the benchmark (e.g. 1.07): colours and ranks by the "
                   "change of "
                   "time, in % of base time, instead of the change of share")
      ->check(CLI::PositiveNumber);
  diff->add_option("--base-time-ns", state->diff.base_time_ns,
                   "Measured base time per iteration (ns), for time deltas in ns (needs --ratio)")
      ->check(CLI::PositiveNumber);
  diff->add_option("--width", state->diff.width, "SVG width in pixels")->capture_default_str();
  diff->add_option("--min-width", state->diff.min_width, "Hide frames narrower than this (px)")
      ->capture_default_str();
  set_help_sections(
      *diff,
      {{"benchgate flamegraph diff base.folded head.folded -o diff.svg",
        "differential flame graph: red = a function's self share grew, blue = it shrank"},
       {"benchgate flamegraph diff base.folded head.folded -o diff.svg --colour-by total",
        "coloured (and the table ranked) by the change of total, inclusive, shares"},
       {"benchgate flamegraph diff base.folded head.folded --format markdown --top 10 --ratio "
        "1.07",
        "the ten largest function deltas, with their time changes in a benchmark measured 7% "
        "slower"}});
  diff->callback(
      [&action, state] { action = [state] { return run_flamegraph_diff(state->diff); }; });

  auto* record = flamegraph->add_subcommand(
      "record", "Profile a program (one Google Benchmark benchmark) with perf -> folded stacks");
  record->add_option("command", state->record.command, "The program and its arguments (after --)")
      ->required();
  record->add_option("--benchmark", state->record.benchmark,
                     "Run only this benchmark (adds --benchmark_filter=^NAME$)");
  add_output(*record, state->record.output, "the folded stacks");
  record->add_option("-F,--frequency", state->record.frequency, "Samples per second")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  record->add_option("--call-graph", state->record.call_graph, "fp (frame pointers) or dwarf")
      ->check(CLI::IsMember({"fp", "dwarf"}))
      ->capture_default_str();
  record->add_option("--event", state->record.event, "perf event")->capture_default_str();
  record->add_option("--perf", state->record.perf, "The perf program")->capture_default_str();
  set_help_sections(
      *record,
      {{"benchgate flamegraph record --benchmark BM_Join -o join.folded -- ./build/my_bench",
        "one benchmark of a Google Benchmark binary, frame-pointer stacks"},
       {"benchgate flamegraph record --call-graph dwarf -F 499 -o all.folded -- ./build/my_bench",
        "every benchmark, DWARF stacks at 499 Hz"}});
  record->callback(
      [&action, state] { action = [state] { return run_flamegraph_record(state->record); }; });
}

}  // namespace benchgate::cli
