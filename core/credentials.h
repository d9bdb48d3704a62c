#pragma once
// Credentials in benchgate's environment (docs/configuration.md#credentials-in-the-environment).
// CI hands tokens to a job as environment variables, and everything benchgate starts (suites, the
// build command, perf, the gate run by the pre-push hook) is the code under review. So at startup
// benchgate moves every variable whose name looks like a credential out of its environment into
// memory of its own: later lookups go through `environment_value`, children never inherit them
// (process/child_environment.h), and the value bytes of the initial environment block are
// overwritten, because the kernel serves /proc/<pid>/environ from that block and `unsetenv` alone
// leaves the value readable there by any process of the same user.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace benchgate {

// True for a name that holds a credential by the documented rule: one of its `_`-separated words
// is TOKEN, PASSWORD, PASSWD, SECRET or JWT (any case), or it is CI_REPOSITORY_URL (GitLab puts
// the job token in that URL).
bool is_credential_name(std::string_view name);

// Moves every variable named like a credential out of the environment (see the file comment).
// When it moved any, the process becomes non-dumpable, so that processes of the same user (the
// suites it starts) can read neither its memory nor its environment block.
// Call first thing in main, while there is only one thread.
void withdraw_credentials_from_environment();
// The same for one variable of any name (the forge token named by --token-env).
void withdraw_from_environment(std::string_view name);

// The variable's value: the withdrawn copy if it was withdrawn, else the environment's.
std::optional<std::string> environment_value(std::string_view name);
// Every withdrawn variable, name and value, in name order.
std::vector<std::pair<std::string, std::string>> withdrawn_variables();

}  // namespace benchgate
