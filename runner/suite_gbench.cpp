#include "runner/suite_gbench.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "process/describe.h"
#include "process/launch.h"
#include "runner/environment.h"
#include "runner/gbench_args.h"
#include "runner/progress.h"
#include "runner/result_format.h"

namespace benchgate::runner {
namespace {

// The probes only print text; a binary that takes longer than this is not answering them.
constexpr double kProbeTimeoutSeconds = 60;

std::string run_probe(const SuiteConfig& suite, std::vector<std::string> extra) {
  std::vector<std::string> argv = suite.command;
  argv.insert(argv.end(), extra.begin(), extra.end());
  process::ChildSpec spec = suite_child_spec(suite, std::move(argv));
  spec.capture_stdout = true;
  spec.timeout = std::chrono::duration<double>(
      std::min(kProbeTimeoutSeconds, suite.timeout_seconds.value_or(kProbeTimeoutSeconds)));
  process::ChildOutcome outcome = process::run_child(spec);
  return outcome.succeeded() ? outcome.stdout_text : std::string();
}

// Google Benchmark's context names the host; the record keeps only a hash
// (docs/design.md#testbeds).
void scrub_host_name(nlohmann::json& context) {
  if (!context.is_object()) return;
  auto it = context.find("host_name");
  if (it == context.end()) return;
  if (it->is_string()) context["host_name_hash"] = short_hash(it->get<std::string>());
  context.erase("host_name");
}

}  // namespace

GbenchProbe probe_gbench_suite(const SuiteConfig& suite) {
  GbenchProbe probe;
  probe.random_interleaving =
      gbench::offers_random_interleaving(run_probe(suite, gbench::help_flags()));
  probe.benchmarks = gbench::listed_benchmarks(run_probe(suite, gbench::list_flags(suite.filter)));
  return probe;
}

std::vector<std::string> gbench_arguments(const SuiteConfig& suite, const GbenchProbe& probe,
                                          const std::filesystem::path& out_file) {
  std::vector<std::string> argv = suite.command;
  const auto flags = gbench::measure_flags({.filter = suite.filter,
                                            .repetitions = suite.repetitions,
                                            .random_interleaving = probe.random_interleaving,
                                            .out_file = out_file});
  argv.insert(argv.end(), flags.begin(), flags.end());
  return argv;
}

LaunchResult run_gbench_process(const SuiteConfig& suite, const GbenchProbe& probe,
                                const std::optional<std::vector<int>>& cpus,
                                const std::filesystem::path& out_file, Progress& progress) {
  std::error_code ignored;
  std::filesystem::remove(out_file, ignored);
  process::ChildSpec spec = suite_child_spec(suite, gbench_arguments(suite, probe, out_file));
  spec.capture_stdout = true;  // its beginning explains a missing JSON file ("Usage: ...")
  spec.stderr_tail_bytes = 8192;
  spec.cpus = cpus;
  spec.on_stdout_line = [&](std::string_view line) {
    std::string name = gbench::benchmark_of_line(line);
    if (probe.benchmarks.count(name)) progress.sample_done(name);
  };
  const process::ChildOutcome outcome = process::run_child(spec);
  LaunchResult result = read_launch_results(spec, outcome, out_file, result_format_named("gbench"),
                                            "Google Benchmark");
  if (result.record) {
    for (auto& p : result.record->processes) {
      scrub_host_name(p.context);
      add_launch_context(p.context, spec, outcome);
    }
    if (!result.record->processes.empty())
      result.process.context = result.record->processes[0].context;
  }
  add_launch_context(result.process.context, spec, outcome);
  return result;
}

}  // namespace benchgate::runner
