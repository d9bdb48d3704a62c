#include "runner/cpu_setting.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/cpu_affinity.h"

namespace benchgate::runner {
namespace {

constexpr std::string_view kExpected = "expected auto, none or a list of CPUs like 0, 2-3 or 0,2";

int parse_cpu(std::string_view text, std::string_view whole) {
  int cpu = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), cpu);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || cpu < 0)
    throw InputError(fmt::format("\"{}\": {}", whole, kExpected));
  return cpu;
}

}  // namespace

CpuSetting parse_cpu_setting(std::string_view text, const std::vector<int>& allowed) {
  if (text == "auto") return {};
  if (text == "none") return {CpuSetting::Kind::kNone, {}};
  CpuSetting setting{CpuSetting::Kind::kList, {}};
  std::string_view rest = text;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    const auto dash = item.find('-');
    const int first = parse_cpu(item.substr(0, dash), text);
    const int last =
        dash == std::string_view::npos ? first : parse_cpu(item.substr(dash + 1), text);
    if (last < first)
      throw InputError(fmt::format("\"{}\": the range {} runs backwards", text, item));
    for (int cpu = first; cpu <= last; ++cpu) {
      if (!std::binary_search(allowed.begin(), allowed.end(), cpu))
        throw InputError(fmt::format("\"{}\": CPU {} is not one benchgate may use (allowed: {})",
                                     text, cpu, process::format_cpu_list(allowed)));
      setting.cpus.push_back(cpu);
    }
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  std::sort(setting.cpus.begin(), setting.cpus.end());
  setting.cpus.erase(std::unique(setting.cpus.begin(), setting.cpus.end()), setting.cpus.end());
  return setting;
}

std::string to_string(const CpuSetting& setting) {
  switch (setting.kind) {
    case CpuSetting::Kind::kNone:
      return "none";
    case CpuSetting::Kind::kList:
      return process::format_cpu_list(setting.cpus);
    case CpuSetting::Kind::kAuto:
      break;
  }
  return "auto";
}

bool is_multi_threaded(std::string_view benchmark) {
  constexpr std::string_view kMarker = "/threads:";
  for (auto at = benchmark.find(kMarker); at != std::string_view::npos;
       at = benchmark.find(kMarker, at + 1)) {
    std::string_view digits = benchmark.substr(at + kMarker.size());
    digits = digits.substr(0, digits.find('/'));
    long threads = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), threads);
    if (ec == std::errc() && end == digits.data() + digits.size() && threads > 1) return true;
  }
  return false;
}

CpuChoice choose_cpus(const CpuSetting& setting, bool gbench,
                      const std::set<std::string>& benchmarks, const std::vector<int>& allowed) {
  if (setting.kind == CpuSetting::Kind::kList) return {setting.cpus, ""};
  if (setting.kind == CpuSetting::Kind::kNone) return {};
  if (!gbench)
    return {std::nullopt,
            "not pinned to a CPU (cpus = \"auto\"): a suite that is not Google Benchmark's may run "
            "threads of its own; give a list of CPUs to pin it"};
  if (allowed.size() < 2)
    return {std::nullopt, fmt::format("not pinned to a CPU (cpus = \"auto\"): benchgate may use "
                                      "only CPU {} anyway",
                                      process::format_cpu_list(allowed))};
  const auto threaded = std::find_if(benchmarks.begin(), benchmarks.end(),
                                     [](const std::string& b) { return is_multi_threaded(b); });
  if (threaded != benchmarks.end())
    return {std::nullopt,
            fmt::format("not pinned to a CPU (cpus = \"auto\"): {} is multi-threaded; give a "
                        "list of CPUs to pin it",
                        *threaded)};
  // The highest CPU: CPU 0 tends to take the machine's interrupts.
  return {std::vector<int>{allowed.back()}, ""};
}

std::string cpus_context_value(const std::optional<std::vector<int>>& cpus) {
  return cpus ? process::format_cpu_list(*cpus) : "none";
}

}  // namespace benchgate::runner
