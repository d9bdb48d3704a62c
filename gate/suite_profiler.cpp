#include "gate/suite_profiler.h"

#include <cctype>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "profile/folded_format.h"
#include "runner/environment.h"
#include "runner/gbench_args.h"
#include "runner/run_suites.h"
#include "runner/suite_binary_probe.h"

namespace benchgate::gate {
namespace {

// Below this many samples a profile says little (the noise rule of docs/profiles.md lists no
// function with fewer than 20 self samples).
constexpr std::uint64_t kFewSamples = 200;

bool safe_file_char(unsigned char c) {
  return std::isalnum(c) || c == '.' || c == '_' || c == '-';
}

}  // namespace

SuiteProfiler::SuiteProfiler(const runner::ProfileSettings& settings, bool quiet)
    : min_time_seconds_(settings.min_time_seconds), quiet_(quiet) {
  options_.frequency_hz = settings.frequency_hz;
  options_.call_graph = settings.call_graph == "dwarf" ? profile::CallGraph::kDwarf
                                                       : profile::CallGraph::kFramePointer;
}

bool SuiteProfiler::usable() {
  if (usable_) return *usable_;
  const auto reason = profile::make_perf_profiler(options_)->unavailable_reason();
  usable_ = !reason.has_value();
  if (reason) {
    why_not_ = *reason;
    log_warning("{}\n  carrying on without profiles", why_not_);
  }
  return *usable_;
}

std::optional<CapturedProfile> SuiteProfiler::capture(const runner::SuiteConfig& suite,
                                                      const std::string& benchmark,
                                                      std::size_t index, std::size_t count,
                                                      const std::string& destination) {
  if (!usable()) return std::nullopt;
  // The profiler runs the suite's program where its timing runs ran, with the same timeout.
  profile::CaptureOptions options = options_;
  options.working_dir = suite.working_dir;
  if (suite.timeout_seconds)
    options.timeout = std::chrono::duration<double>(*suite.timeout_seconds);
  const auto not_captured = [&](const std::exception& e) {
    log_warning("profile {}/{}: suite {}, {}: not captured: {}", index, count, suite.name,
                benchmark, e.what());
  };
  // After the suite's own arguments: Google Benchmark takes the last value of a flag.
  std::vector<std::string> command = suite.command;
  command.push_back(runner::gbench::min_time_flag(min_time_seconds_));
  profile::Profile recorded;
  try {
    recorded =
        profile::make_perf_profiler(options)->record(runner::gbench::run_only(command, benchmark));
  } catch (const EnvironmentError& e) {  // the program or perf failed
    not_captured(e);
    return std::nullopt;
  } catch (const InputError& e) {  // the program is gone, or perf wrote what we cannot read
    not_captured(e);
    return std::nullopt;
  }
  CapturedProfile out{suite.name, benchmark,
                      profile::write_folded(recorded.trie, profile::kBase, recorded.info),
                      recorded.info.samples};
  if (!quiet_)
    log_info("profile {}/{}: suite {}, {}: {} samples{}{}", index, count, suite.name, benchmark,
             out.samples, destination.empty() ? "" : " -> " + destination,
             out.samples < kFewSamples
                 ? " (few samples: a longer [run] profile_min_time gives a steadier profile)"
                 : "");
  return out;
}

runner::SuiteFormat suite_format_of(const runner::SuiteConfig& suite) {
  if (suite.command.empty()) return runner::SuiteFormat::kCommand;
  return runner::resolve_suite_format(suite, runner::probe_binary(suite.command[0]));
}

std::string not_profiled_note(std::string_view name, runner::SuiteFormat format) {
  const std::string_view kind = format == runner::SuiteFormat::kCatch2 ? "a Catch2 suite"
                                : format == runner::SuiteFormat::kLines
                                    ? "a suite of result lines"
                                    : "a command timed as a whole";
  return fmt::format("suite {} is {}: profiles are taken of Google Benchmark suites only", name,
                     kind);
}

std::string profile_file_stem(const std::string& name) {
  std::string stem;
  bool changed = name.empty() || name.front() == '.';  // no hidden files, no "." or ".."
  for (unsigned char c : name) {
    stem += safe_file_char(c) ? static_cast<char>(c) : '_';
    changed = changed || !safe_file_char(c);
  }
  if (!changed) return stem;
  return fmt::format("{}-{}", stem, runner::short_hash(name).substr(0, 8));
}

}  // namespace benchgate::gate
