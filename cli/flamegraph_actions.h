#pragma once
// The `benchgate flamegraph ...` subcommands (docs/profiles.md): their options and actions.
// flamegraph_command.cpp declares the command line; each flamegraph_*.cpp implements one stage.
#include <optional>
#include <string>
#include <vector>

#include "profile/function_shares.h"
#include "profile/profile_info.h"

namespace benchgate::cli {

struct FoldFlags {
  std::string input;
  std::string output;  // empty or "-" = stdout
  bool include_process_name = false;
  std::string event;
  std::string perf = "perf";
  std::string sample_type;  // pprof input: which sample type
};
struct RenderFlags {
  std::string input;
  std::string output;
  std::string format = "svg";  // svg | speedscope | folded | pprof
  std::string sample_type;
  std::string title;
  double width = 1200;
  double min_width = 0.1;
};
struct DiffFlags {
  std::string base;
  std::string head;
  std::string output;
  std::string format = "svg";  // svg | markdown | json | speedscope | pprof
  std::string sample_type;
  std::string title;
  std::size_t top = 10;
  std::uint64_t min_samples = 20;
  double min_z = 3.0;
  profile::ColourBy colour_by = profile::ColourBy::kSelf;
  std::optional<double> ratio;
  std::optional<double> base_time_ns;
  double width = 1200;
  double min_width = 0.1;
};
struct RecordFlags {
  std::vector<std::string> command;  // a Google Benchmark binary and its arguments
  std::string benchmark;             // with it: --benchmark_filter=^name$ is added
  std::string output;
  int frequency = 999;
  std::string call_graph = "fp";
  std::string event = "cpu-clock";
  std::string perf = "perf";
};

int run_flamegraph_fold(const FoldFlags& flags);
int run_flamegraph_render(const RenderFlags& flags);
int run_flamegraph_diff(const DiffFlags& flags);
int run_flamegraph_record(const RecordFlags& flags);

// Writes `text` to `output` atomically, or to stdout when it is empty or "-".
void write_output(const std::string& output, const std::string& text);
// Prints the parse warnings of a loaded profile to stderr.
void print_warnings(const profile::ProfileInfo& info);

}  // namespace benchgate::cli
