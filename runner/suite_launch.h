#pragma once
// The outcome of one process launch of a suite, as the run record will carry it.
#include <optional>
#include <string>

#include "core/run_record.h"
#include "process/launch.h"
#include "runner/config.h"
#include "runner/result_format.h"

namespace benchgate::runner {

struct LaunchResult {
  ProcessInfo process;              // source, status ("ok"/"failed"), message, context
  std::optional<RunRecord> record;  // this process's samples, when it succeeded
};

// The child spec every launch of `suite` starts from: its working directory and timeout.
process::ChildSpec suite_child_spec(const SuiteConfig& suite, std::vector<std::string> argv);

// What every measured process's context records about how it ran: "cpus" (the list it was
// pinned to, or "none") and "involuntary_context_switches", so that a report or a later analysis
// can tell a process that shared its CPU or ran elsewhere.
void add_launch_context(nlohmann::json& context, const process::ChildSpec& spec,
                        const process::ChildOutcome& outcome);

// A failed launch: `why` ("was killed by signal SIGSEGV ...") plus the last lines of stderr.
LaunchResult failed_launch(const process::ChildSpec& spec, std::string why,
                           std::string_view stderr_tail);

// The results a finished process wrote to `out_file` in `format` (the program being a `tool`
// binary, for messages), or why there are none: a failed outcome, no file, or a file `format`
// cannot read. Every process of the record gets the command line as its source.
LaunchResult read_launch_results(const process::ChildSpec& spec,
                                 const process::ChildOutcome& outcome,
                                 const std::filesystem::path& out_file, const ResultFormat& format,
                                 std::string_view tool);

// How many stderr lines a failure message quotes.
inline constexpr std::size_t kStderrLinesQuoted = 5;

}  // namespace benchgate::runner
