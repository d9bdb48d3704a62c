#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/describe.h"
#include "process/launch.h"
#include "profile/line_reader.h"
#include "profile/perf_script_parser.h"
#include "profile/perf_tool.h"
#include "profile/profiler.h"

namespace benchgate::profile {
namespace {

std::filesystem::path scratch_directory(const CaptureOptions& options) {
  // Absolute: the profiled program may run in another working directory.
  return options.scratch_dir.empty() ? std::filesystem::temp_directory_path()
                                     : std::filesystem::absolute(options.scratch_dir);
}

class PerfProfiler : public Profiler {
 public:
  explicit PerfProfiler(CaptureOptions options) : options_(std::move(options)) {}

  std::string name() const override { return "perf"; }

  std::optional<std::string> unavailable_reason() override {
    const auto availability = check_perf(options_.perf_program, scratch_directory(options_));
    if (availability.usable) return std::nullopt;
    return fmt::format("profiling is off: {}\n  fix: {}", availability.reason, availability.fix);
  }

  Profile record(const std::vector<std::string>& argv) override {
    // A unique name: several profiles may be recorded into one scratch directory at once.
    const auto data = scratch_directory(options_) /
                      fmt::format("benchgate-{}-{}.perf.data", ::getpid(), counter_++);
    process::ChildSpec spec;
    spec.argv = {options_.perf_program,
                 "record",
                 "-q",
                 "-e",
                 options_.event,
                 "-F",
                 std::to_string(options_.frequency_hz),
                 "--call-graph",
                 options_.call_graph == CallGraph::kDwarf ? "dwarf" : "fp",
                 "-o",
                 data.string(),
                 "--"};
    spec.argv.insert(spec.argv.end(), argv.begin(), argv.end());
    spec.timeout = options_.timeout;
    spec.working_dir = options_.working_dir;
    const process::ChildOutcome outcome = process::run_child(spec);
    struct RemoveData {
      std::filesystem::path path;
      ~RemoveData() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
      }
    } remove_data{data};
    if (!outcome.succeeded()) {
      throw EnvironmentError(fmt::format("`{}` {}:\n{}", process::shell_quote_command(spec.argv),
                                         process::describe_outcome(outcome, spec),
                                         process::last_lines(outcome.stderr_tail, 8)));
    }
    const std::string text = run_perf_script(data, options_.perf_program);
    Profile profile;
    LineReader lines(text, data.string());
    fold_perf_script(lines, profile.trie, kBase,
                     FoldOptions{.include_process_name = false, .event = options_.event},
                     profile.info);
    profile.info.source = argv.empty() ? data.string() : argv.front();
    return profile;
  }

 private:
  CaptureOptions options_;
  int counter_ = 0;
};

}  // namespace

std::unique_ptr<Profiler> make_perf_profiler(const CaptureOptions& options) {
  return std::make_unique<PerfProfiler>(options);
}

}  // namespace benchgate::profile
