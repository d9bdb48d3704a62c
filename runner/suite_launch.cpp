#include "runner/suite_launch.h"

#include <fmt/format.h>

#include "process/describe.h"
#include "process/launch.h"
#include "runner/cpu_setting.h"

namespace benchgate::runner {

process::ChildSpec suite_child_spec(const SuiteConfig& suite, std::vector<std::string> argv) {
  process::ChildSpec spec;
  spec.argv = std::move(argv);
  spec.working_dir = suite.working_dir;
  if (suite.timeout_seconds) spec.timeout = std::chrono::duration<double>(*suite.timeout_seconds);
  return spec;
}

void add_launch_context(nlohmann::json& context, const process::ChildSpec& spec,
                        const process::ChildOutcome& outcome) {
  context["cpus"] = cpus_context_value(spec.cpus);
  context["involuntary_context_switches"] = outcome.involuntary_context_switches;
}

LaunchResult failed_launch(const process::ChildSpec& spec, std::string why,
                           std::string_view stderr_tail) {
  LaunchResult result;
  result.process.source = process::shell_quote_command(spec.argv);
  result.process.status = "failed";
  std::string tail = process::last_lines(stderr_tail, kStderrLinesQuoted);
  result.process.message = tail.empty() ? why + " (stderr was empty)"
                                        : fmt::format("{}; last stderr lines:\n{}", why, tail);
  while (!result.process.message.empty() && result.process.message.back() == '\n')
    result.process.message.pop_back();
  return result;
}

}  // namespace benchgate::runner
