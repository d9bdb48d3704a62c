#include "runner/gbench_args.h"

#include <fmt/format.h>

namespace benchgate::runner::gbench {
namespace {

// `name` as a literal inside a filter. Google Benchmark compiles the filter as a POSIX extended
// regex (std::regex::extended). There a lone ']' or '}' is an ordinary character, and libstdc++
// rejects `\]` and `\}` as invalid escapes (the filter then selects nothing), so those two stay
// as they are.
std::string filter_literal(const std::string& name) {
  std::string literal;
  for (char c : name) {
    if (std::string_view("\\^$.|?*+()[{").find(c) != std::string_view::npos) literal += '\\';
    literal += c;
  }
  return literal;
}

}  // namespace

std::string exact_benchmark_filter(const std::string& benchmark) {
  return "^" + filter_literal(benchmark) + "$";
}

std::string exact_benchmarks_filter(const std::vector<std::string>& benchmarks) {
  std::string filter = "^(";
  for (std::size_t i = 0; i < benchmarks.size(); ++i)
    filter += (i ? "|" : "") + filter_literal(benchmarks[i]);
  return filter + ")$";
}

std::string filter_flag(std::string_view filter) {
  return fmt::format("--benchmark_filter={}", filter);
}

std::string min_time_flag(double seconds) {
  return fmt::format("--benchmark_min_time={}", seconds);
}

std::vector<std::string> run_only(std::vector<std::string> command, const std::string& benchmark) {
  command.push_back(filter_flag(exact_benchmark_filter(benchmark)));
  return command;
}

std::vector<std::string> measure_flags(const MeasureSettings& settings) {
  std::vector<std::string> flags;
  if (settings.filter) flags.push_back(filter_flag(*settings.filter));
  flags.push_back(fmt::format("--benchmark_repetitions={}", settings.repetitions));
  // Shuffles benchmarks and repetitions inside the process, so drift within a process spreads
  // over all benchmarks too (the library picks that order; it has no seed flag).
  if (settings.random_interleaving) flags.push_back("--benchmark_enable_random_interleaving=true");
  flags.push_back("--benchmark_out=" + settings.out_file.string());
  flags.push_back("--benchmark_out_format=json");
  flags.push_back("--benchmark_color=false");
  return flags;
}

std::vector<std::string> help_flags() {
  return {"--help"};
}

bool offers_random_interleaving(std::string_view help_text) {
  return help_text.find("benchmark_enable_random_interleaving") != std::string_view::npos;
}

std::vector<std::string> list_flags(const std::optional<std::string>& filter) {
  std::vector<std::string> flags = {"--benchmark_list_tests=true"};
  if (filter) flags.push_back(filter_flag(*filter));
  return flags;
}

std::set<std::string> listed_benchmarks(std::string_view listing) {
  std::set<std::string> benchmarks;
  std::size_t start = 0;
  while (start < listing.size()) {
    std::size_t nl = listing.find('\n', start);
    if (nl == std::string_view::npos) nl = listing.size();
    std::string name = benchmark_of_line(listing.substr(start, nl - start));
    if (!name.empty()) benchmarks.insert(name);
    start = nl + 1;
  }
  return benchmarks;
}

std::string benchmark_of_line(std::string_view line) {
  auto begin = line.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  auto end = line.find(' ', begin);
  return std::string(line.substr(begin, end == std::string_view::npos ? end : end - begin));
}

bool links_google_benchmark(std::string_view executable_bytes) {
  // The mangled name of benchmark::Initialize is in the dynamic symbol table of a binary linked
  // against libbenchmark.so; a statically linked one also carries the flag names.
  return executable_bytes.find("_ZN9benchmark10Initialize") != std::string_view::npos ||
         executable_bytes.find("benchmark_list_tests") != std::string_view::npos;
}

}  // namespace benchgate::runner::gbench
