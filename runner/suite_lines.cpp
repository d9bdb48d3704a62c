#include "runner/suite_lines.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "process/describe.h"
#include "process/launch.h"
#include "runner/lines_format.h"

namespace benchgate::runner {

LaunchResult run_lines_process(const SuiteConfig& suite,
                               const std::optional<std::vector<int>>& cpus) {
  process::ChildSpec spec = suite_child_spec(suite, suite.command);
  spec.capture_stdout = true;
  spec.stderr_tail_bytes = 8192;
  spec.cpus = cpus;
  const process::ChildOutcome outcome = process::run_child(spec);
  LaunchResult result;
  if (!outcome.succeeded()) {
    result = failed_launch(spec, process::describe_outcome(outcome, spec), outcome.stderr_tail);
  } else {
    const std::string source = process::shell_quote_command(spec.argv);
    try {
      result.record = read_result_lines(outcome.stdout_text, source, suite.name);
      result.process.source = source;
    } catch (const InputError& e) {
      result = failed_launch(
          spec, fmt::format("printed results benchgate cannot read: stdout {}", e.what()),
          outcome.stderr_tail);
    }
  }
  if (result.record)
    for (auto& p : result.record->processes) add_launch_context(p.context, spec, outcome);
  add_launch_context(result.process.context, spec, outcome);
  return result;
}

}  // namespace benchgate::runner
