#pragma once
// GitHub Actions reads any line of a job's output that starts with `::` as a workflow command
// (`::error::`, `::add-mask::`, `::stop-commands::`...). benchgate prints names and text chosen
// by the pull request (benchmark names, a suite's stderr), so inside Actions every line benchgate
// writes to stdout or stderr that would start with `::` starts with a space instead: shown the
// same to a reader, never obeyed by the runner. One filter on both streams, so no printing path
// can forget it.
namespace benchgate::cli {

// When GITHUB_ACTIONS is "true", routes stdout and stderr through the filter for the rest of the
// process. Call once at the start of main.
void guard_workflow_commands();

}  // namespace benchgate::cli
