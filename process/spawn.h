#pragma once
// Starting a child as run_child needs it: in its own process group, stdin from /dev/null, stdout
// and stderr to the given descriptors. Internal to process/.
#include <sys/types.h>

#include "process/launch.h"

namespace benchgate::process {

// Starts `spec.argv` (in `spec.working_dir`, on `spec.cpus`). `stdout_fd` < 0 sends stdout to
// /dev/null. Throws InputError when the program or the directory does not exist or cannot be
// executed, or a CPU of `spec.cpus` is not one benchgate may use; EnvironmentError for other
// failures.
pid_t spawn_child(const ChildSpec& spec, int stdout_fd, int stderr_fd);

}  // namespace benchgate::process
