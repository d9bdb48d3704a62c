#include "process/cpu_affinity.h"

#include <pthread.h>
#include <string.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::process {
namespace {

// A fixed-size cpu_set_t: machines with more than CPU_SETSIZE (1024) CPUs are not supported.
std::vector<int> read_thread_affinity() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (const int rc = pthread_getaffinity_np(pthread_self(), sizeof set, &set); rc != 0)
    throw EnvironmentError(fmt::format("cannot read the CPU affinity: {}", strerror(rc)));
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

}  // namespace

const std::vector<int>& allowed_cpus() {
  static const std::vector<int> cpus = read_thread_affinity();
  return cpus;
}

std::string format_cpu_list(std::vector<int> cpus) {
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < cpus.size();) {
    std::size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    runs.push_back(j == i ? fmt::format("{}", cpus[i]) : fmt::format("{}-{}", cpus[i], cpus[j]));
    i = j + 1;
  }
  return fmt::format("{}", fmt::join(runs, ","));
}

ScopedThreadAffinity::ScopedThreadAffinity(const std::optional<std::vector<int>>& cpus) {
  if (!cpus) return;
  if (cpus->empty()) throw InputError("an empty list of CPUs to run on");
  const std::vector<int>& allowed = allowed_cpus();
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : *cpus) {
    if (!std::binary_search(allowed.begin(), allowed.end(), cpu))
      throw InputError(fmt::format("CPU {} is not one benchgate may use (allowed: {})", cpu,
                                   format_cpu_list(allowed)));
    CPU_SET(cpu, &set);
  }
  CPU_ZERO(&saved_);
  if (const int rc = pthread_getaffinity_np(pthread_self(), sizeof saved_, &saved_); rc != 0)
    throw EnvironmentError(fmt::format("cannot read the CPU affinity: {}", strerror(rc)));
  if (const int rc = pthread_setaffinity_np(pthread_self(), sizeof set, &set); rc != 0)
    throw EnvironmentError(
        fmt::format("cannot run on CPU(s) {}: {}", format_cpu_list(*cpus), strerror(rc)));
  active_ = true;
}

ScopedThreadAffinity::~ScopedThreadAffinity() {
  // Cannot fail for a set this thread had a moment ago; nothing sensible to do if it did.
  if (active_) pthread_setaffinity_np(pthread_self(), sizeof saved_, &saved_);
}

}  // namespace benchgate::process
