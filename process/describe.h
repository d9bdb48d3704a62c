#pragma once
// Text about children for messages and records: how one ended, the end of what it printed, and
// its command line as a user would type it.
#include <string>
#include <string_view>
#include <vector>

#include "process/launch.h"

namespace benchgate::process {

// "exited with status 3", "killed by signal SIGSEGV (11)", "timed out after 2 s and was killed".
std::string describe_outcome(const ChildOutcome& outcome, const ChildSpec& spec);
// The last `lines` non-empty lines of `text`, each prefixed for quoting in a message.
std::string last_lines(std::string_view text, std::size_t lines, std::string_view prefix = "  | ");
// The command line as a user would type it in a POSIX shell (for messages and records).
std::string shell_quote_command(const std::vector<std::string>& argv);

}  // namespace benchgate::process
