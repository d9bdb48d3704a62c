#include "profile/perf_tool.h"

#include <fstream>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/describe.h"
#include "process/launch.h"

namespace benchgate::profile {
namespace {

std::string read_paranoid_level() {
  std::ifstream in("/proc/sys/kernel/perf_event_paranoid");
  std::string level;
  if (!(in >> level)) return "unknown";
  return level;
}

bool in_container() {
  std::ifstream cgroup("/proc/1/cgroup");
  const std::string text((std::istreambuf_iterator<char>(cgroup)),
                         std::istreambuf_iterator<char>());
  return std::filesystem::exists("/.dockerenv") || std::filesystem::exists("/run/.containerenv") ||
         text.find("docker") != std::string::npos || text.find("kubepods") != std::string::npos;
}

}  // namespace

PerfAvailability check_perf(const std::string& perf_program,
                            const std::filesystem::path& scratch_dir) {
  PerfAvailability availability;
  process::ChildSpec spec;
  spec.argv = {perf_program, "record", "-q", "-e",
               "cpu-clock",  "-g",     "-o", (scratch_dir / "benchgate-perf-check.data").string(),
               "--",         "true"};
  spec.timeout = std::chrono::seconds(30);
  process::ChildOutcome outcome;
  try {
    outcome = process::run_child(spec);
  } catch (const InputError&) {
    availability.reason = fmt::format("`{}` was not found or is not executable", perf_program);
    availability.fix =
        "install perf: `sudo apt-get install linux-perf` (Debian), `sudo apt-get install "
        "linux-tools-$(uname -r)` (Ubuntu) or `sudo dnf install perf` (Fedora)";
    return availability;
  }
  std::error_code ignored;
  std::filesystem::remove(scratch_dir / "benchgate-perf-check.data", ignored);
  if (outcome.succeeded()) {
    availability.usable = true;
    return availability;
  }
  const std::string level = read_paranoid_level();
  availability.reason = fmt::format(
      "`perf record -e cpu-clock -g true` failed ({}); kernel.perf_event_paranoid is {}{}{}",
      process::describe_outcome(outcome, spec), level,
      in_container() ? "; this looks like a container" : "",
      outcome.stderr_tail.empty() ? "" : ":\n" + process::last_lines(outcome.stderr_tail, 4));
  availability.fix =
      "allow profiling of your own processes with `sudo sysctl kernel.perf_event_paranoid=1` "
      "(persist it in /etc/sysctl.d/); in a container, also run it with `--cap-add PERFMON` "
      "(or `--cap-add SYS_ADMIN` on kernels before 5.8) and a seccomp profile that allows "
      "perf_event_open";
  return availability;
}

std::string run_perf_script(const std::filesystem::path& data, const std::string& perf_program,
                            const PerfScriptLimits& limits) {
  process::ChildSpec spec;
  spec.argv = {perf_program, "script", "-i", data.string()};
  spec.capture_stdout = true;
  spec.stdout_limit_bytes = limits.max_output_bytes;
  spec.timeout = limits.timeout;
  process::ChildOutcome outcome;
  try {
    outcome = process::run_child(spec);
  } catch (const InputError&) {
    throw EnvironmentError(
        fmt::format("{} is a perf.data file, but `{}` cannot be run to read it; install perf "
                    "(linux-perf) or give `perf script` text instead",
                    data.string(), perf_program));
  }
  if (outcome.stdout_truncated) {
    throw InputError(fmt::format(
        "`{}` printed more than {} MiB; {} is too large to read (record fewer samples: a lower "
        "frequency or a shorter run)",
        process::shell_quote_command(spec.argv), limits.max_output_bytes >> 20, data.string()));
  }
  if (!outcome.succeeded()) {
    throw EnvironmentError(fmt::format("`{}` {}:\n{}", process::shell_quote_command(spec.argv),
                                       process::describe_outcome(outcome, spec),
                                       process::last_lines(outcome.stderr_tail, 8)));
  }
  return std::move(outcome.stdout_text);
}

}  // namespace benchgate::profile
