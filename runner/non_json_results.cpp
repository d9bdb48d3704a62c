#include "runner/non_json_results.h"

#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "core/text_lines.h"

namespace benchgate::runner {
namespace {

constexpr const char* kJsonHint =
    "benchgate reads its JSON: run the benchmark with --benchmark_out=FILE "
    "--benchmark_out_format=json and give benchgate FILE";

std::vector<std::string> words(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// Google Benchmark's console reporter: the table header "Benchmark  Time  CPU  Iterations", or
// the context it prints to stderr first ("Run on (2 X 2694.89 MHz CPU s)").
bool gbench_console_line(std::string_view line) {
  const std::vector<std::string> w = words(line);
  if (w.size() >= 4 && w[0] == "Benchmark" && w[1] == "Time" && w[2] == "CPU" &&
      w[3] == "Iterations")
    return true;
  return line.rfind("Run on (", 0) == 0 && line.find("CPU") != std::string_view::npos;
}

// Google Benchmark's CSV reporter (--benchmark_format=csv) starts with this header.
bool gbench_csv_header(std::string_view line) {
  return line.rfind("name,iterations,real_time,cpu_time", 0) == 0;
}

// The first line with text, cut short and with control characters replaced, to quote safely.
std::string first_line(const std::vector<std::string_view>& lines) {
  constexpr std::size_t kMaxQuoted = 60;
  for (std::string_view line : lines) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::string quoted;
    for (char c : line.substr(0, kMaxQuoted))
      quoted += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return line.size() > kMaxQuoted ? quoted + "..." : quoted;
  }
  return {};
}

}  // namespace

std::string explain_non_json(std::string_view text, std::string_view expected) {
  const std::vector<std::string_view> lines = physical_lines(text);
  for (std::string_view line : lines)
    if (gbench_console_line(line))
      return fmt::format("not JSON but Google Benchmark's console output; {}", kJsonHint);
  for (std::string_view line : lines)
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      if (gbench_csv_header(line))
        return fmt::format("not JSON but Google Benchmark's CSV output; {}", kJsonHint);
      break;
    }
  const std::string quoted = first_line(lines);
  if (quoted.empty()) return fmt::format("the file is empty: expected {}", expected);
  return fmt::format("not JSON (it begins `{}`): expected {}", quoted, expected);
}

}  // namespace benchgate::runner
