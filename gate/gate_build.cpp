#include "gate/gate_build.h"

#include <string.h>

#include <chrono>
#include <deque>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "process/describe.h"
#include "process/interrupt.h"
#include "process/launch.h"

namespace benchgate::gate {
namespace {

// Lines of a failed build quoted in its error: enough for a compiler error and its context.
constexpr std::size_t kQuotedLines = 25;

}  // namespace

void run_build(const BuildStep& step) {
  const std::string commit = short_commit(step.commit);
  log_info("building {} ({}) in {}: {}", step.side, commit, step.dir.string(), step.command);
  std::deque<std::string> last;
  const std::string prefix = fmt::format("[{} build] ", step.side);
  process::ChildSpec spec;
  // One stream, in order: a compiler's error on stderr stays next to the make line that caused it.
  spec.argv = {"/bin/sh", "-c", "exec 2>&1\n" + step.command};
  spec.working_dir = step.dir;
  if (step.timeout_seconds) spec.timeout = std::chrono::duration<double>(*step.timeout_seconds);
  spec.on_stdout_line = [&](std::string_view line) {
    log_message(LogLevel::kText, fmt::format("{}{}\n", prefix, line));
    last.emplace_back(line);
    if (last.size() > kQuotedLines) last.pop_front();
  };
  const process::ChildOutcome outcome = process::run_child(spec);
  if (outcome.interrupted)
    throw EnvironmentError(fmt::format("interrupted by SIG{} while building {} ({})",
                                       sigabbrev_np(process::interrupt_signal()), step.side,
                                       commit));
  if (!outcome.succeeded()) {
    std::string tail;
    for (const auto& line : last) tail += fmt::format("\n  | {}", line);
    throw EnvironmentError(fmt::format("the build of {} ({}) failed: `{}` in {} {}{}", step.side,
                                       commit, step.command, step.dir.string(),
                                       process::describe_outcome(outcome, spec),
                                       tail.empty() ? "" : "; its last lines:" + tail));
  }
  log_info("{} built in {:.1f} s", step.side, std::chrono::duration<double>(outcome.wall).count());
}

}  // namespace benchgate::gate
