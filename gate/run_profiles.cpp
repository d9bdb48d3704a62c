#include "gate/run_profiles.h"

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/log.h"
#include "gate/suite_profiler.h"

namespace benchgate::gate {

std::filesystem::path profile_directory(const std::filesystem::path& record) {
  std::filesystem::path dir = record;
  return dir.replace_extension(".profiles");
}

void profile_run_suites(
    const runner::RunOutcome& outcome, const runner::ProfileSettings& settings, bool quiet,
    const std::function<std::filesystem::path(const runner::SuiteRun&)>& record_path) {
  std::size_t count = 0;
  for (const auto& run : outcome.suites)
    if (run.format == runner::SuiteFormat::kGbench) count += run.record.benchmarks.size();
  for (const auto& run : outcome.suites)
    if (run.format != runner::SuiteFormat::kGbench)
      log_info("{}", not_profiled_note(run.suite->name, run.format));
  if (count == 0) return;
  SuiteProfiler profiler(settings, quiet);
  if (!profiler.usable()) return;
  std::size_t index = 0;
  for (const auto& run : outcome.suites) {
    if (run.format != runner::SuiteFormat::kGbench) continue;
    const std::filesystem::path dir = profile_directory(record_path(run));
    for (const auto& benchmark : run.record.benchmarks) {
      const std::filesystem::path file = dir / (profile_file_stem(benchmark.name) + ".folded");
      auto captured = profiler.capture(*run.suite, benchmark.name, ++index, count, file.string());
      if (!captured) continue;
      std::filesystem::create_directories(dir);
      write_file_atomically(file, captured->folded);
    }
  }
}

}  // namespace benchgate::gate
