#include "runner/suite_launch.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
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

LaunchResult read_launch_results(const process::ChildSpec& spec,
                                 const process::ChildOutcome& outcome,
                                 const std::filesystem::path& out_file, const ResultFormat& format,
                                 std::string_view tool) {
  if (!outcome.succeeded())
    return failed_launch(spec, process::describe_outcome(outcome, spec), outcome.stderr_tail);

  std::error_code ec;
  if (!std::filesystem::exists(out_file, ec)) {
    std::string head = outcome.stdout_text.substr(0, 200);
    std::string why = fmt::format("exited normally but wrote no results to {} (is it a {} binary?)",
                                  out_file.filename().string(), tool);
    if (!head.empty()) why += "; its output began with:\n" + process::last_lines(head, 3);
    return failed_launch(spec, why, outcome.stderr_tail);
  }
  LaunchResult result;
  try {
    result.record = read_results_text(read_text_file(out_file), "process output", &format);
  } catch (const InputError& e) {
    return failed_launch(
        spec, fmt::format("wrote results that are not valid {} output: {}", tool, e.what()),
        outcome.stderr_tail);
  }
  result.process.source = process::shell_quote_command(spec.argv);
  for (auto& p : result.record->processes) p.source = result.process.source;
  return result;
}

}  // namespace benchgate::runner
