#include "gate/interleaved_plan.h"

#include <string.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/interrupt.h"
#include "runner/suite_binary_probe.h"

namespace benchgate::gate {
namespace {
namespace fs = std::filesystem;

// An argument that is an absolute path in the repository, or `--flag=PATH` with one, is mapped;
// anything else (relative paths, plain words) is the same on both sides.
std::string map_argument(const git::TemporaryWorktree& tree, const std::string& argument) {
  const auto equals = argument.find('=');
  const std::size_t path_at =
      argument.rfind("--", 0) == 0 && equals != std::string::npos ? equals + 1 : 0;
  const fs::path path = argument.substr(path_at);
  if (!path.is_absolute()) return argument;
  const auto mapped = tree.map(path);
  return mapped ? argument.substr(0, path_at) + mapped->string() : argument;
}

}  // namespace

void stop_if_interrupted(std::string_view while_doing) {
  if (const int signal = process::interrupt_signal())
    throw EnvironmentError(
        fmt::format("interrupted by SIG{} {}", sigabbrev_np(signal), while_doing));
}

SuitePlan plan_suite(const runner::SuiteConfig& suite, const git::TemporaryWorktree& tree,
                     const fs::path& config_dir) {
  // Interleaving pairs Google Benchmark processes benchmark by benchmark (ab/): whole-command
  // timings, Catch2 and result-line suites have no such runner yet.
  if (suite.format != runner::SuiteFormat::kAuto && suite.format != runner::SuiteFormat::kGbench)
    throw InputError(fmt::format(
        "suite {}: {} suites (format = \"{}\") cannot be interleaved: only Google Benchmark "
        "suites can; gate them with --mode stored",
        suite.name, suite.format == runner::SuiteFormat::kCommand ? "command-mode" : "these",
        to_string(suite.format)));
  SuitePlan plan;
  plan.suite = &suite;
  plan.head_command = suite.command;
  for (const auto& argument : suite.command)
    plan.base_command.push_back(map_argument(tree, argument));
  if (!tree.map(suite.command[0]))
    throw InputError(fmt::format(
        "suite {}: its program {} is not inside the repository {}; in interleaved mode each side "
        "runs the binary its own build made, so the command must name a program the build "
        "command creates inside the repository (e.g. build/bench/my_bench)",
        suite.name, suite.command[0], tree.repository_root().string()));
  plan.head_dir = suite.working_dir.value_or(config_dir);
  plan.base_dir = tree.map(plan.head_dir).value_or(plan.head_dir);
  return plan;
}

void check_side_build(const runner::SuiteConfig& suite, const std::vector<std::string>& command,
                      std::string_view side) {
  if (!runner::find_program(command[0]))
    throw InputError(
        fmt::format("suite {}: the build of {} made no {}: check the suite's command against what "
                    "[build] command builds",
                    suite.name, side, command[0]));
  if (suite.format == runner::SuiteFormat::kAuto &&
      !runner::probe_binary(command[0]).links_google_benchmark)
    throw InputError(fmt::format(
        "suite {}: {} is not a Google Benchmark binary; only Google Benchmark suites can be "
        "interleaved (set format = \"gbench\" if detection is wrong)",
        suite.name, command[0]));
}

ab::AbJobSettings job_for(const SuitePlan& plan, const GateSettings& settings, std::uint64_t seed,
                          std::optional<std::chrono::duration<double>> budget) {
  const runner::SuiteConfig& suite = *plan.suite;
  ab::AbJobSettings job;
  job.base_command = plan.base_command;
  job.head_command = plan.head_command;
  job.rounds = settings.rounds.rounds;
  job.max_rounds = settings.rounds.max_rounds;
  job.budget = budget;
  job.repetitions = suite.repetitions;
  job.filter = suite.filter;
  job.timeout_seconds = suite.timeout_seconds;
  job.working_dir = plan.head_dir;
  job.base_working_dir = plan.base_dir;
  job.cpus = suite.cpus;
  job.warmup_processes = settings.rounds.warmup_processes;
  job.seed = seed;
  job.invocation =
      fmt::format("benchgate gate --mode interleaved --config {}", settings.config_name);
  job.compare = settings.compare;
  return job;
}

}  // namespace benchgate::gate
