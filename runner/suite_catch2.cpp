#include "runner/suite_catch2.h"

#include "process/launch.h"
#include "runner/result_format.h"

namespace benchgate::runner {

bool links_catch2(std::string_view executable_bytes) {
  // Catch2's command-line parser keeps its option names as string literals, in v2's single
  // header and v3's library alike; no other framework has this one.
  return executable_bytes.find("--benchmark-no-analysis") != std::string_view::npos;
}

std::vector<std::string> catch2_arguments(const SuiteConfig& suite,
                                          const std::filesystem::path& out_file) {
  std::vector<std::string> argv = suite.command;
  for (const char* flag : {"--reporter", "xml", "--out"}) argv.emplace_back(flag);
  argv.push_back(out_file.string());
  argv.emplace_back("--benchmark-no-analysis");
  if (suite.filter) argv.push_back(*suite.filter);
  return argv;
}

LaunchResult run_catch2_process(const SuiteConfig& suite,
                                const std::optional<std::vector<int>>& cpus,
                                const std::filesystem::path& out_file) {
  std::error_code ignored;
  std::filesystem::remove(out_file, ignored);
  process::ChildSpec spec = suite_child_spec(suite, catch2_arguments(suite, out_file));
  spec.capture_stdout = true;  // its beginning explains a missing XML file
  spec.stderr_tail_bytes = 8192;
  spec.cpus = cpus;
  const process::ChildOutcome outcome = process::run_child(spec);
  LaunchResult result =
      read_launch_results(spec, outcome, out_file, result_format_named("catch2"), "Catch2");
  if (result.record) {
    for (auto& p : result.record->processes) add_launch_context(p.context, spec, outcome);
    if (!result.record->processes.empty())
      result.process.context = result.record->processes[0].context;
  }
  add_launch_context(result.process.context, spec, outcome);
  return result;
}

}  // namespace benchgate::runner
