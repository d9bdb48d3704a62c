#pragma once
// What the machine looked like when a run was measured (docs/design.md#testbeds). Stored in
// every run record so that a surprising comparison can be explained ("the governor was
// powersave", "load was 3.2 on 2 cores") and so that results are only compared within a testbed.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace benchgate::runner {

struct EnvironmentInfo {
  std::string cpu_model;  // "unknown" when /proc/cpuinfo does not say
  int logical_cores = 0;
  std::string governor;       // cpufreq scaling governor of cpu0; empty when there is none (VMs)
  double load_average = -1;   // 1-minute load average before the run; < 0 when unknown
  std::string kernel;         // "Linux 6.1.0-18-amd64"
  std::string os;             // PRETTY_NAME from os-release
  std::string hostname_hash;  // never the host name itself
  std::string benchgate_version;
};

// Reads the facts from the running system. `root` replaces "/" for /proc, /sys and /etc (tests
// point it at a directory tree of their own); the kernel, core count and load come from syscalls.
EnvironmentInfo capture_environment(const std::filesystem::path& root = "/");

nlohmann::json environment_json(const EnvironmentInfo& info);

// A short stable name for "this kind of machine": CPU model, logical cores and OS, hashed, e.g.
// "fp-2c-3fa94c1e08d2". Used as the testbed unless the user names one (docs/design.md#testbeds).
std::string testbed_fingerprint(const EnvironmentInfo& info);
// The fingerprint of the running system: the testbed a command means when none is named.
std::string this_machine_testbed();

// Warnings (never errors) about conditions that make timings unreliable.
std::vector<std::string> environment_warnings(const EnvironmentInfo& info);

// Stable 64-bit FNV-1a digest as 16 hex digits: identifies without storing (host names).
std::string short_hash(std::string_view text);

}  // namespace benchgate::runner
