#pragma once
// Which CPUs benchgate may run on, and starting a child already restricted to some of them.
// Timings of one benchmark differ between CPUs of the same machine
// (docs/configuration.md#cpu-pinning), so every process of a job can be kept on the same CPU; the
// child must start there, not be moved there after it began running.
#include <optional>
#include <string>
#include <vector>

#include <sched.h>

namespace benchgate::process {

// The CPUs benchgate may use (sched_getaffinity of the thread that asks first), ascending.
// Read once and kept: pinning a thread for a moment (below) must not change the answer.
const std::vector<int>& allowed_cpus();

// "0,2-3": ascending runs joined, the form of Cpus_allowed_list in /proc/PID/status.
std::string format_cpu_list(std::vector<int> cpus);

// While it lives, the calling thread (only this one) runs on `cpus`, so that a child started
// from it inherits that affinity; the thread's own affinity comes back when it ends. Nothing
// happens for nullopt. InputError for an empty list or a CPU benchgate may not use, naming it.
class ScopedThreadAffinity {
 public:
  explicit ScopedThreadAffinity(const std::optional<std::vector<int>>& cpus);
  ~ScopedThreadAffinity();
  ScopedThreadAffinity(const ScopedThreadAffinity&) = delete;
  ScopedThreadAffinity& operator=(const ScopedThreadAffinity&) = delete;

 private:
  cpu_set_t saved_;
  bool active_ = false;
};

}  // namespace benchgate::process
