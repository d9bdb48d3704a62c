#include "runner/environment.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/version.h"

namespace benchgate::runner {
namespace {

std::string read_small_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// First "key : value" line of /proc/cpuinfo whose key is one of `keys` (x86 says "model name",
// arm64 often only "CPU part", so several keys are tried in order).
std::string cpuinfo_value(const std::string& cpuinfo,
                          std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    std::istringstream lines(cpuinfo);
    std::string line;
    while (std::getline(lines, line)) {
      auto colon = line.find(':');
      if (colon == std::string::npos || trim(line.substr(0, colon)) != key) continue;
      std::string value = trim(line.substr(colon + 1));
      if (!value.empty()) return value;
    }
  }
  return {};
}

std::string os_release_pretty_name(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("PRETTY_NAME=", 0) != 0) continue;
    std::string value = trim(line.substr(12));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
      value = value.substr(1, value.size() - 2);
    return value;
  }
  return {};
}

}  // namespace

std::string short_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

EnvironmentInfo capture_environment(const std::filesystem::path& root) {
  EnvironmentInfo info;
  std::string cpuinfo = read_small_file(root / "proc/cpuinfo");
  info.cpu_model =
      cpuinfo_value(cpuinfo, {"model name", "Model", "Hardware", "cpu model", "uarch"});
  if (info.cpu_model.empty()) info.cpu_model = "unknown";
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  info.logical_cores = cores > 0 ? static_cast<int>(cores) : 0;
  info.governor =
      trim(read_small_file(root / "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
  double load[1];
  if (getloadavg(load, 1) == 1) info.load_average = load[0];
  utsname uts{};
  if (uname(&uts) == 0) info.kernel = fmt::format("{} {}", uts.sysname, uts.release);
  info.os = os_release_pretty_name(read_small_file(root / "etc/os-release"));
  if (info.os.empty())
    info.os = os_release_pretty_name(read_small_file(root / "usr/lib/os-release"));
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) info.hostname_hash = short_hash(host);
  info.benchgate_version = kVersion;
  return info;
}

nlohmann::json environment_json(const EnvironmentInfo& info) {
  nlohmann::json j = {{"cpu_model", info.cpu_model},
                      {"logical_cores", info.logical_cores},
                      {"governor", info.governor},
                      {"kernel", info.kernel},
                      {"os", info.os},
                      {"hostname_hash", info.hostname_hash},
                      {"benchgate_version", info.benchgate_version}};
  j["load_average"] = info.load_average >= 0 ? nlohmann::json(info.load_average) : nlohmann::json();
  return j;
}

std::string this_machine_testbed() {
  return testbed_fingerprint(capture_environment());
}

std::string testbed_fingerprint(const EnvironmentInfo& info) {
  std::string digest =
      short_hash(fmt::format("{}\n{}\n{}", info.cpu_model, info.logical_cores, info.os));
  return fmt::format("fp-{}c-{}", info.logical_cores, digest.substr(0, 12));
}

std::vector<std::string> environment_warnings(const EnvironmentInfo& info) {
  std::vector<std::string> warnings;
  if (info.load_average >= 0 && info.logical_cores > 0 &&
      info.load_average > info.logical_cores / 2.0)
    warnings.push_back(fmt::format(
        "the machine is busy: load average {:.2f} on {} logical cores (> cores/2); timings will "
        "be noisy",
        info.load_average, info.logical_cores));
  if (!info.governor.empty() && info.governor != "performance")
    warnings.push_back(fmt::format(
        "CPU frequency governor is \"{}\", not \"performance\"; frequency scaling adds noise",
        info.governor));
  return warnings;
}

}  // namespace benchgate::runner
