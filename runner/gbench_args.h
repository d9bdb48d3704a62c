#pragma once
// Google Benchmark's command line, in one place: the --benchmark_* flags benchgate passes to a
// suite binary, the filter that selects benchmarks by their exact names, what its --help and
// --benchmark_list_tests print, and the marks that give a Google Benchmark binary away. Its JSON
// results are read by gbench_format.h.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::runner::gbench {

// The --benchmark_filter value that selects exactly `benchmark`: the name anchored and with its
// regex metacharacters (common in "BM_x<int>/8/real_time") escaped.
std::string exact_benchmark_filter(const std::string& benchmark);
// The filter that selects exactly these benchmarks (for re-running the undecided ones).
std::string exact_benchmarks_filter(const std::vector<std::string>& benchmarks);

std::string filter_flag(std::string_view filter);  // --benchmark_filter=FILTER
std::string min_time_flag(double seconds);         // --benchmark_min_time=SECONDS

// `command` made to run `benchmark` alone (for profiling it): the exact filter goes last, since
// Google Benchmark takes the last value of a flag, so a --benchmark_filter among the suite's own
// arguments cannot widen the selection.
std::vector<std::string> run_only(std::vector<std::string> command, const std::string& benchmark);

// The flags of one measured process.
struct MeasureSettings {
  std::optional<std::string> filter;
  int repetitions = 1;
  bool random_interleaving = false;  // only for binaries whose --help offers it
  std::filesystem::path out_file;    // where it writes its JSON results
};
std::vector<std::string> measure_flags(const MeasureSettings& settings);

// Asking the binary about itself before the measured launches.
std::vector<std::string> help_flags();
bool offers_random_interleaving(std::string_view help_text);
std::vector<std::string> list_flags(const std::optional<std::string>& filter);
// The benchmarks --benchmark_list_tests printed, one per line.
std::set<std::string> listed_benchmarks(std::string_view listing);
// The benchmark a line of console or list output starts with (its first word; empty if none).
std::string benchmark_of_line(std::string_view line);

// Whether the bytes of an executable show that it links Google Benchmark.
bool links_google_benchmark(std::string_view executable_bytes);

}  // namespace benchgate::runner::gbench
